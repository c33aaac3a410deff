import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The images a running build made or stands on: its step images before a cache record
/// names them, the base images a `rmi` could untag meanwhile, the cached steps a `builder
/// prune` could forget. None of them may go while the build runs, or it would tag an image
/// whose blobs are gone. So the build keeps this list in
/// `cache/build/lease-<pid>-<start time>-<random>.json`, and garbage collection counts it as a root
/// for as long as that process runs (`BuildCacheRoots.manifests`) — BuildKit's leases.
///
/// Every entry is written while the store's lock is held (`ImageStore.makeImage`,
/// `ImageStore.leasing`), the lock a collection holds too: no moment exists in which an
/// image is neither named nor leased. The build removes the file when it ends; a kill -9
/// leaves it behind, dead — the pid's start time tells — and the next prune removes it.
public final class BuildLease {
    /// What the file holds.
    struct Holder: Codable {
        var pid: Int32
        /// In clock ticks since boot (`ContainerLiveness.startTime`): a reused pid differs.
        var startTime: UInt64
        var manifests: [Digest]

        /// Whether the build that wrote it still runs.
        var isAlive: Bool { ContainerLiveness.startTime(of: pid) == startTime }
    }

    public let path: String
    private let folder: String
    private var holder: Holder

    /// A lease for this process; nothing is written before the first image.
    public init(root: StoreRoot) {
        let pid = getpid()
        let started = ContainerLiveness.startTime(of: pid) ?? 0
        folder = root.buildCache
        // The random part tells two builds of one process apart (tests build in-process).
        path = folder + "/" + Self.prefix + "\(pid)-\(started)-\(ContainerID.generate().prefix(8)).json"
        holder = Holder(pid: pid, startTime: started, manifests: [])
    }

    /// The manifests leased so far.
    public var manifests: [Digest] { holder.manifests }

    /// Adds `manifest` and rewrites the file atomically. The caller holds the store's lock.
    func add(_ manifest: Digest) throws {
        guard !holder.manifests.contains(manifest) else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var next = holder
        next.manifests.append(manifest)
        try AtomicFile.write(json: next, to: path, durable: false)
        holder = next
    }

    /// The build is over: its images are named, cached, or garbage now.
    public func end() {
        try? FileManager.default.removeItem(atPath: path)
        holder.manifests = []
    }

    static let prefix = "lease-"
}

extension ImageStore {
    /// Finds an image with `find` and leases it, both under the store's lock: once this
    /// returns it, no prune can take its blobs until `lease` ends. Nil when `find` finds none.
    public func leasing(_ lease: BuildLease, _ find: () throws -> StoredImage?) throws -> StoredImage? {
        try withLock {
            guard let image = try find() else { return nil }
            try lease.add(image.manifestDigest)
            return image
        }
    }
}
