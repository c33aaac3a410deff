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
/// `builder prune` removes the records.
public enum BuildCacheRoots {
    private struct ManifestField: Decodable {
        let manifestDigest: Digest
    }

    /// The manifests the records name, each once.
    static func manifests(in root: StoreRoot) -> Set<Digest> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.buildCache)) ?? []
        return Set(names.filter { $0.hasSuffix(".json") }.compactMap { name in
            try? AtomicFile.read(ManifestField.self, from: root.buildCache + "/" + name).manifestDigest
        })
    }

    /// Removes every record and every cache mount; returns what went (record files and
    /// cache mount folders, by name). The images only they kept go at the next garbage
    /// collection.
    @discardableResult
    public static func removeAll(in root: StoreRoot) throws -> [String] {
        var removed: [String] = []
        for folder in [root.buildCache, root.buildMounts] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                try FileManager.default.removeItem(atPath: folder + "/" + name)
                removed.append(name)
            }
        }
        if !removed.isEmpty { Tracer.shared.say("removed the build cache: \(removed.count) records and cache mounts") }
        return removed
    }
}
