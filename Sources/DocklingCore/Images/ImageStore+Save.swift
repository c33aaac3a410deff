/// The two archive formats `dockling save` writes.
public enum SaveFormat: String, CaseIterable, Sendable {
    /// docker-archive: `manifest.json` for docker and podman, with a complete OCI
    /// layout beside it (as docker 25 and later write).
    case docker
    /// A plain OCI image layout in a tar (podman's `oci-archive`).
    case oci
}

extension ImageStore {
    /// Writes the named images, each blob once, as a tar to `sink`. Every blob is
    /// checked against its digest as it is read.
    public func save(_ names: [String], format: SaveFormat, to output: ArchiveOutput) throws {
        let images = try resolveForSave(names)
        try output.write { sink in try write(images, format: format, to: sink) }
    }

    private func write(_ images: [(image: StoredImage, names: [ImageReference])], format: SaveFormat,
                       to sink: ByteSink) throws {
        let tar = try TarWriter(to: sink)
        try tar.addDirectory("blobs/")
        try tar.addDirectory("blobs/sha256/")
        var written = Set<Digest>()
        for (image, _) in images {
            for layer in image.manifest.layers where written.insert(layer.digest).inserted {
                try copy(layer, into: tar, showingProgress: showsProgress)
            }
            for blob in [image.manifest.config, image.manifestDescriptor] where written.insert(blob.digest).inserted {
                try copy(blob, into: tar, showingProgress: false)
            }
        }
        let index = ImageIndex(manifests: images.flatMap { image, names in
            names.isEmpty ? [image.manifestDescriptor.named(nil)] : names.map { image.manifestDescriptor.named($0) }
        })
        try tar.addFile("index.json", bytes: JSONCoding.encode(index))
        if format == .docker {
            let entries = images.map { image, names in
                DockerArchiveManifest(config: Self.blobPath(image.id),
                                      repoTags: names.isEmpty ? nil : names.map(\.description),
                                      layers: image.manifest.layers.map { Self.blobPath($0.digest) })
            }
            try tar.addFile(DockerArchiveManifest.fileName, bytes: JSONCoding.encode(entries))
        }
        try tar.addFile(OCILayout.fileName, bytes: JSONCoding.encode(OCILayout.current))
        try tar.finish()
    }

    /// Each image once, with the names the user gave for it (none when given by id).
    private func resolveForSave(_ names: [String]) throws -> [(image: StoredImage, names: [ImageReference])] {
        var images: [(image: StoredImage, names: [ImageReference])] = []
        for text in names {
            let image = try image(text)
            let given = (try? ImageReference(parsing: text)).flatMap { image.names.contains($0) ? [$0] : nil } ?? []
            if let existing = images.firstIndex(where: { $0.image.manifestDigest == image.manifestDigest }) {
                images[existing].names += given
            } else {
                images.append((image, given))
            }
        }
        return images
    }

    private func copy(_ blob: Descriptor, into tar: TarWriter, showingProgress: Bool) throws {
        let progress = TransferProgress(action: "Saving", item: "layer \(blob.digest.short)", total: blob.size,
                                        enabled: showingProgress)
        let reader = try content.open(blob.digest)
        reader.onProgress = progress.update
        try tar.addFile(Self.blobPath(blob.digest), size: blob.size, from: reader)
        progress.finish()
    }

    static func blobPath(_ digest: Digest) -> String { "blobs/sha256/\(digest.hex)" }
}
