/// What `docker image prune` removed, in its words.
public struct ImagePruneReport: Sendable {
    /// `untagged: busybox:latest`, `deleted: sha256:…`, in order.
    public var lines: [String] = []
    public var bytes: Int64 = 0
}

extension ImageStore {
    /// `docker image prune`: images without a name (dangling), or with `all` every image,
    /// that no container — running or stopped — was made from; then the blobs and layers
    /// only they needed.
    public func prune(all: Bool) throws -> ImagePruneReport {
        try withLock {
            var report = ImagePruneReport()
            var index = try index()
            var removed = Set<Digest>()
            for image in try images() where (all || image.names.isEmpty) && containers(using: image).isEmpty {
                report.lines += image.names.map { "untagged: \($0.familiarDescription)" }
                index.manifests.removeAll { $0.digest == image.manifestDigest }
                if removed.insert(image.id).inserted { report.lines.append("deleted: \(image.id)") }
            }
            guard !removed.isEmpty else { return report }
            try writeIndex(index)
            let garbage = try collectGarbage()
            report.lines += garbage.layers.map { "deleted: \($0)" }
            report.bytes = garbage.bytes
            return report
        }
    }
}
