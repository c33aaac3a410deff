import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `docker system prune`: stopped containers, layers no image uses, volumes no container
/// uses (with `--volumes`), and what a crash can leave behind — half-made container
/// folders, scratch files, and cgroups of containers that are gone.
public struct SystemPrune {
    public let root: StoreRoot

    public init(root: StoreRoot) { self.root = root }

    public struct Report: Sendable {
        public var containers: [String] = []
        public var layers: [String] = []
        public var volumes: [String] = []
        public var leftovers: [String] = []
        public var bytes: Int64 = 0
    }

    public func run(volumes pruneVolumes: Bool) throws -> Report {
        Tracer.shared.step = "prune"
        var report = Report()
        let containers = ContainerStore(root: root)
        let all = try containers.all()
        for record in all where record.state.status != .running {
            report.bytes += Self.size(record.directory)
            try containers.remove(record.id)
            report.containers.append(record.id)
        }
        let running = all.filter { $0.state.status == .running }
        let images = ImageStore(root: root)
        let used = Set(try images.images().flatMap { try images.layerDirectories(of: $0) } + running.flatMap(\.config.layers))
        for layer in children(root.layers) where !used.contains(layer) {
            report.bytes += Self.size(layer)
            try FileManager.default.removeItem(atPath: layer)
            report.layers.append(Path.base(of: layer))
        }
        if pruneVolumes {
            let inUse = Set(running.flatMap { $0.config.mounts.filter { $0.kind == .volume }.compactMap(\.source) })
            for volume in children(root.volumes) where !inUse.contains(Path.base(of: volume)) {
                report.bytes += Self.size(volume)
                try FileManager.default.removeItem(atPath: volume)
                report.volumes.append(Path.base(of: volume))
            }
        }
        report.leftovers = try removeLeftovers(running: Set(running.map(\.id)))
        return report
    }

    /// Scratch files, half-made or half-removed container folders, and cgroups named
    /// after containers that are not running.
    private func removeLeftovers(running: Set<String>) throws -> [String] {
        var removed: [String] = []
        let stale = children(root.containers).filter { Path.base(of: $0).hasPrefix(".new-") || Path.base(of: $0).hasPrefix(".gone-") }
        for path in stale + children(root.tmp) {
            try? FileManager.default.removeItem(atPath: path)
            removed.append(path)
        }
        let layout = try CgroupLayout.detect()
        let parents = Array(layout.v1Directories.values) + [layout.v2Directory].compactMap { $0 }
        for parent in Set(parents) {
            for dir in children(parent) where Path.base(of: dir).hasPrefix("dockling-") {
                let id = String(Path.base(of: dir).dropFirst("dockling-".count))
                guard ContainerID.isValid(id), !running.contains(id) else { continue }
                let pids = ((try? Kernel.readFile(dir + "/cgroup.procs")) ?? "").split(separator: "\n").compactMap { pid_t($0) }
                for pid in pids { try? Kernel.kill(pid, SIGKILL, note: "a process left in a dead container's cgroup") }
                if (try? Kernel.rmdir(dir, note: "a cgroup whose container is gone")) != nil { removed.append(dir) }
            }
        }
        return removed
    }

    private func children(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).map { dir + "/" + $0 }
    }

    static func size(_ path: String) -> Int64 {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
        var total: Int64 = 0
        while let name = walker.nextObject() as? String {
            var info = stat()
            if lstat(path + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFREG { total += Int64(info.st_size) }
        }
        return total
    }
}
