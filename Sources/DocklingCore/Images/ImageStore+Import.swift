extension ImageStore {
    /// `docker import`: a tarball of a root filesystem (plain, gzip or zstd) becomes a
    /// one-layer image with an empty config. The tarball is stored as the layer blob as
    /// it is, and unpacked — refused whole if any entry reaches outside the layer.
    public func importTarball(from input: ArchiveInput, reference: ImageReference) throws -> StoredImage {
        try withLock {
            let (source, size) = try input.open()
            let label = input.label
            let staged = try content.stage()
            let progress = TransferProgress(action: "Importing", item: label, total: size, enabled: showsProgress)
            source.onProgress = progress.update
            while case let chunk = try source.nextChunk(), !chunk.isEmpty { try staged.write(chunk) }
            staged.seal()
            progress.finish()
            guard let mediaType = try Compression.of(file: staged.path).layerMediaType else {
                throw ImageError("\(label) is compressed in a way OCI has no layer media type for",
                                 hint: "decompress it first, or use gzip or zstd")
            }
            let blob = Descriptor(mediaType: mediaType, digest: staged.digest, size: staged.size)
            let diffID = try unpackLayer(BlobReader(path: staged.path), diffID: nil, blob: blob)
            try content.publish(staged, kind: "layer")
            let created = Timestamp.now()
            let config = try addConfig(ImageConfiguration(
                created: created, config: nil, rootfs: RootFS(diffIDs: [diffID]),
                history: [HistoryEntry(created: created, createdBy: nil, comment: "Imported from \(label)")]))
            let manifest = try addManifest(config: config.descriptor, layers: [blob])
            try tag(manifest.descriptor, as: reference)
            return try image(at: manifest.descriptor, names: [reference])
        }
    }
}
