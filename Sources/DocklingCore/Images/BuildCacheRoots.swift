import FoundationEssentials

extension StoreRoot {
    /// The build cache's records: `cache/build/*.json` (see `BuildCacheRoots`).
    public var buildCache: String { path + "/cache/build" }
    /// `RUN --mount=type=cache` folders, kept from build to build: `cache/build-mounts/<id>`.
    public var buildMounts: String { path + "/cache/build-mounts" }
}

/// What the core knows of the build cache (DocklingBuild's `BuildCache` writes it): each
/// record is a JSON file in `cache/build/` whose `manifestDigest` names the image a build
/// step made. No tag names those images, yet the next build reuses them — so garbage
/// collection keeps them as roots beside index.json, until `system prune` or
/// `builder prune` removes the records. The leases of running builds (`BuildLease`) are
/// roots too, and no prune removes them while their build runs.
public enum BuildCacheRoots {
    private struct ManifestField: Decodable {
        let manifestDigest: Digest
    }

    /// The manifests the records and the live leases name, each once.
    static func manifests(in root: StoreRoot) -> Set<Digest> {
        var manifests = Set<Digest>()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root.buildCache)) ?? []
        where name.hasSuffix(".json") {
            let path = root.buildCache + "/" + name
            if name.hasPrefix(BuildLease.prefix) {
                if let lease = try? AtomicFile.read(BuildLease.Holder.self, from: path), lease.isAlive {
                    manifests.formUnion(lease.manifests)
                }
            } else if let record = try? AtomicFile.read(ManifestField.self, from: path) {
                manifests.insert(record.manifestDigest)
            }
        }
        return manifests
    }

    /// Removes every record and every cache mount no build is using; returns what went
    /// (record files and cache mount folders, by name). The leases of running builds stay,
    /// those of builds that were killed go unlisted. The images only they kept go at the
    /// next garbage collection.
    @discardableResult
    public static func removeAll(in root: StoreRoot) throws -> [String] {
        var removed: [String] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root.buildCache)) ?? []
        where !isBeingWritten(name) {
            let path = root.buildCache + "/" + name
            if name.hasPrefix(BuildLease.prefix) {
                if (try? AtomicFile.read(BuildLease.Holder.self, from: path))?.isAlive != true {
                    try FileManager.default.removeItem(atPath: path)
                }
                continue
            }
            try FileManager.default.removeItem(atPath: path)
            removed.append(name)
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root.buildMounts)) ?? [] {
            let free: Bool? = try FileLock.ifFree(root.buildMounts + "/" + name,
                                                  note: "is a running build using this cache mount?") {
                try FileManager.default.removeItem(atPath: root.buildMounts + "/" + name)
                return true
            }
            if free != nil { removed.append(name) }
        }
        if !removed.isEmpty { Tracer.shared.say("removed the build cache: \(removed.count) records and cache mounts") }
        return removed
    }

    /// An `AtomicFile` write in progress (`NAME.tmp-<pid>` of a live process): removing
    /// it would fail that write — a running build's record or lease.
    private static func isBeingWritten(_ name: String) -> Bool {
        let parts = name.split(separator: ".tmp-")
        guard parts.count == 2, let pid = Int32(parts[1]) else { return false }
        return ContainerLiveness.startTime(of: pid) != nil
    }

    /// Takes the cache mount `folder` (`cache/build-mounts/<id>`) for a RUN step: a
    /// shared flock on the folder itself, kept until the returned descriptor is closed —
    /// by the caller when the step's container is gone, by the kernel if the build dies.
    /// Shared, as BuildKit's default `sharing=shared` is: steps of any number of builds
    /// (and two mounts of one id in one step) use it at once, and none ever waits for
    /// another; `removeAll` asks for it exclusively without waiting, and leaves a held
    /// folder alone. Nil when a prune removed the folder before we held it: make it again
    /// and call this again.
    public static func holdMount(_ folder: String) throws(KernelError) -> Int32? {
        let fd = try Kernel.open(folder, [.readOnly, .directory, .closeOnExec], note: "open the cache mount to lock it")
        do throws(KernelError) {
            try Kernel.flockShared(fd, note: "a RUN step uses this cache mount: no prune takes it meanwhile")
        } catch {
            try? Kernel.close(fd, note: "the cache mount could not be locked")
            throw error
        }
        guard FileManager.default.fileExists(atPath: folder) else {
            try? Kernel.close(fd, note: "a prune removed the cache mount while we waited")
            return nil
        }
        return fd
    }
}
