import FoundationEssentials

/// What a garbage collection removed.
public struct GarbageReport: Sendable {
    public var blobs: [Digest] = []
    public var layers: [Digest] = []
    /// Leftovers of interrupted image writes under tmp/.
    public var scratch: [String] = []
    /// The space the removed blobs and layers took.
    public var bytes: Int64 = 0
}

extension ImageStore {
    /// Removes every blob and unpacked layer that no image in index.json needs — nor an
    /// image a build cache record or a running build's lease names (`BuildCacheRoots`,
    /// `BuildLease`) — and the scratch files of
    /// image writes that never finished (a kill -9 mid-load leaves those). Holding the
    /// lock, no write can be in progress, so all of them are stale. `alsoKeep` names
    /// layers that containers still stand on.
    @discardableResult
    public func collectGarbage(alsoKeep: Set<Digest> = []) throws -> GarbageReport {
        try withLock {
            var keepBlobs = Set<Digest>()
            var keepLayers = alsoKeep
            let cached = BuildCacheRoots.manifests(in: root).compactMap { try? image(manifest: $0) }
            for image in try images() + cached {
                keepBlobs.insert(image.manifestDigest)
                keepBlobs.insert(image.id)
                keepBlobs.formUnion(image.manifest.layers.map(\.digest))
                keepLayers.formUnion(image.diffIDs)
            }
            var report = GarbageReport()
            let files = FileManager.default
            for blob in content.all() where !keepBlobs.contains(blob) {
                report.bytes += SystemPrune.size(content.path(of: blob))
                do throws(KernelError) {
                    try Kernel.unlink(content.path(of: blob), note: "no image in index.json needs this blob any more")
                } catch {
                    throw StepError(step: "images", error)
                }
                report.blobs.append(blob)
            }
            for name in (try? files.contentsOfDirectory(atPath: root.layers)) ?? [] {
                guard let diffID = try? Digest(hex: name), !keepLayers.contains(diffID) else { continue }
                Tracer.shared.say("removing layers/\(name): no image uses this layer any more")
                report.bytes += SystemPrune.size(layerDirectory(diffID))
                try files.removeItem(atPath: layerDirectory(diffID))
                report.layers.append(diffID)
            }
            for name in Self.scratchNames(in: root) {
                try files.removeItem(atPath: root.tmp + "/" + name)
                report.scratch.append(name)
            }
            return report
        }
    }

    /// The image store's entries in tmp/: every one is a write in progress while the
    /// store's lock is held, and a leftover while it is free.
    static func scratchNames(in root: StoreRoot) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.tmp)) ?? []).filter { $0.hasPrefix(scratchPrefix) }
    }
}
