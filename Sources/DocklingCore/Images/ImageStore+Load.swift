/// An image `load` or `import` put in the store, and the names it was given.
public struct LoadedImage: Sendable {
    public let image: StoredImage
    public let names: [ImageReference]
}

extension ImageStore {
    /// Loads every image of a docker-archive or an OCI archive (`docker save`,
    /// `podman save`, `dockling save`), possibly compressed.
    ///
    /// The order is what makes it safe to interrupt: stage every file under tmp/,
    /// unpack and check every layer, publish the blobs by rename, and only then name the
    /// images in index.json. Killed before that last rename, the store lists nothing
    /// new, and what was written is garbage a prune removes.
    public func load(from input: ArchiveInput) throws -> [LoadedImage] {
        try withLock {
            let (source, size) = try input.open()
            let label = input.label
            let progress = TransferProgress(action: "Reading", item: label, total: size, enabled: showsProgress)
            source.onProgress = progress.update
            let contents = try ArchiveContents(reading: source, label: label, store: self)
            progress.finish()
            let pending = contents.contains("index.json") ? try ociImages(in: contents)
                : contents.contains(DockerArchiveManifest.fileName) ? try dockerImages(in: contents)
                : []
            guard !pending.isEmpty else {
                throw ImageError("\(label) holds no image", hint: "expected a docker-archive (manifest.json) or an OCI archive (index.json)")
            }
            // Images of one archive share layers (a commit shares all of its parent's):
            // each blob is unpacked and checked against a diff id once.
            var unpacked = Set<String>()
            for image in pending {
                for (layer, diffID) in zip(image.layers, image.config.rootfs.diffIDs)
                where unpacked.insert("\(layer.descriptor.digest) \(diffID)").inserted {
                    try unpackLayer(BlobReader(path: layer.file.path), diffID: diffID, blob: layer.descriptor)
                }
            }
            return try publish(pending)
        }
    }

    /// Moves the staged blobs into the content store, then names the images in one
    /// write of index.json. The caller holds the lock.
    func publish(_ pending: [PendingImage]) throws -> [LoadedImage] {
        for image in pending {
            for blob in image.blobs { try content.publish(blob, kind: "blob") }
        }
        var index = try index()
        for image in pending {
            if image.names.isEmpty { index.keepListed(image.manifest) }
            for name in image.names { index.tag(image.manifest, as: name) }
        }
        try writeIndex(index)
        return try pending.map { pendingImage in
            LoadedImage(image: try image(at: pendingImage.manifest, names: pendingImage.names), names: pendingImage.names)
        }
    }
}
