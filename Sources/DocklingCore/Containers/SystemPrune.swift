import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `docker system prune`: stopped containers, the build cache, layers no image uses,
/// volumes no container uses (with `--volumes`), and what a crash can leave behind —
/// half-made container folders, scratch files, and cgroups of this store's containers
/// that are gone.
public struct SystemPrune {
    public let root: StoreRoot

    public init(root: StoreRoot) { self.root = root }

    public struct Report: Sendable {
        public var containers: [String] = []
        public var layers: [String] = []
        public var volumes: [String] = []
        /// Build cache records and cache mounts (`BuildCacheRoots`).
        public var buildCache: [String] = []
        public var leftovers: [String] = []
        public var bytes: Int64 = 0
    }

    public func run(volumes pruneVolumes: Bool) throws -> Report {
        var report = try containers()
        try removeBuildCache(into: &report)
        if pruneVolumes {
            // Only running containers are left: the stopped ones went first.
            let pruned = try VolumeStore(root: root).prune(inUse: VolumeStore(root: root).namesInUse())
            report.volumes = pruned.names
            report.bytes += pruned.bytes
        }
        report.leftovers += try removeLeftovers()
        return report
    }

    /// `docker builder prune`: the build cache's records and cache mounts, then the step
    /// images and layers only they kept.
    public func buildCache() throws -> Report {
        var report = Report()
        try removeBuildCache(into: &report)
        return report
    }

    /// The build cache goes before the garbage is collected, so that the images only it
    /// kept go too; layers that running containers and mounted unions (dockling-union)
    /// stand on stay.
    private func removeBuildCache(into report: inout Report) throws {
        let running = try ContainerStore(root: root).all()
        let mounted = UnionRegistry(root: root).mountedLayers()
        let standing = Set((running.flatMap(\.config.layers) + mounted).compactMap { try? Digest(hex: Path.base(of: $0)) })
        let mounts = Self.size(root.buildMounts)
        report.buildCache = try BuildCacheRoots.removeAll(in: root)
        // Cache mounts a running build holds stay, and count for nothing.
        report.bytes += mounts - Self.size(root.buildMounts)
        let garbage = try ImageStore(root: root).collectGarbage(alsoKeep: standing)
        report.layers = garbage.layers.map(\.hex)
        report.leftovers = garbage.scratch
        report.bytes += garbage.bytes
    }

    /// `docker container prune`: every container that is not running goes, with its
    /// upper layer and log.
    public func containers() throws -> Report {
        Tracer.shared.step = "prune"
        var report = Report()
        let containers = ContainerStore(root: root)
        for record in try containers.all() where record.state.status != .running {
            report.bytes += Self.size(record.directory)
            try containers.remove(record.id)
            report.containers.append(record.id)
        }
        return report
    }

    /// What `LeftoverScan` finds, taking the containers' lock and waiting for it, so that
    /// no create is in progress: half-made or half-removed container folders and their
    /// cgroups, and scratch of processes that are gone.
    private func removeLeftovers() throws -> [String] {
        var removed: [String] = []
        let scan = LeftoverScan(root: root)
        try FileManager.default.createDirectory(atPath: root.containers, withIntermediateDirectories: true)
        try FileLock.withLock(root.containersLock, note: "no container is being created while we sweep") {
            for folder in scan.abandonedContainerFolders() {
                removed += ContainerCgroups.removeLeftovers(id: folder.id, folder: folder.path)
                try? FileManager.default.removeItem(atPath: folder.path)
                removed.append(folder.path)
            }
        }
        for path in scan.strayScratch(includingUnattributed: true) {
            try? FileManager.default.removeItem(atPath: path)
            removed.append(path)
        }
        return removed
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
