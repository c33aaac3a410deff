import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `docker system prune`: stopped containers, layers no image uses, volumes no container
/// uses (with `--volumes`), and what a crash can leave behind — half-made container
/// folders, scratch files, and cgroups of this store's containers that are gone.
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
        // Layers that running containers and mounted unions (dockling-union) stand on stay.
        let mounted = UnionRegistry(root: root).mountedLayers()
        let standing = Set((running.flatMap(\.config.layers) + mounted).compactMap { try? Digest(hex: Path.base(of: $0)) })
        let garbage = try ImageStore(root: root).collectGarbage(alsoKeep: standing)
        report.layers = garbage.layers.map(\.hex)
        report.leftovers = garbage.scratch
        if pruneVolumes {
            let inUse = Set(running.flatMap { $0.config.mounts.filter { $0.kind == .volume }.compactMap(\.source) })
            for volume in children(root.volumes) where !inUse.contains(Path.base(of: volume)) {
                report.bytes += Self.size(volume)
                try FileManager.default.removeItem(atPath: volume)
                report.volumes.append(Path.base(of: volume))
            }
        }
        report.leftovers += try removeLeftovers()
        return report
    }

    /// Half-made or half-removed container folders (swept under the containers' lock,
    /// so no create is in progress) and their cgroups, and scratch of processes that
    /// are gone.
    private func removeLeftovers() throws -> [String] {
        var removed: [String] = []
        try FileManager.default.createDirectory(atPath: root.containers, withIntermediateDirectories: true)
        try FileLock.withLock(root.containers + "/.lock", note: "no container is being created while we sweep") {
            for path in children(root.containers) where [".new-", ".gone-"].contains(where: Path.base(of: path).hasPrefix) {
                let id = String(Path.base(of: path).drop { $0 != "-" }.dropFirst())
                removed += ContainerCgroups.removeLeftovers(id: id, folder: path)
                try? FileManager.default.removeItem(atPath: path)
                removed.append(path)
            }
        }
        for path in children(root.tmp) where !Path.base(of: path).hasPrefix(ImageStore.scratchPrefix) {
            // Scratch names end in their maker's pid (rootfs-busybox-1234).
            if let pid = Path.base(of: path).split(separator: "-").last.flatMap({ pid_t($0) }), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(atPath: path)
            removed.append(path)
        }
        return removed
    }

    private func children(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).map { dir + "/" + $0 }
    }

    /// Bytes in regular files under `path`, not following symlinks.
    static func size(_ path: String) -> Int64 {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return Int64(info.st_size)
        case S_IFDIR:
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.reduce(0) { $0 + size(path + "/" + $1) }
        default: return 0
        }
    }
}
