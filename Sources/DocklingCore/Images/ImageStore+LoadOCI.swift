extension ImageStore {
    /// The images of an OCI archive: `index.json` lists manifests (or indexes of
    /// manifests, one per platform), and every blob is `blobs/sha256/<hex>`.
    func ociImages(in contents: ArchiveContents) throws -> [PendingImage] {
        let index = try JSONCoding.decode(ImageIndex.self, from: contents.bytes(of: contents.require("index.json")),
                                          what: "the archive's index.json")
        var images: [PendingImage] = []
        for entry in index.manifests {
            let manifest = try platformManifest(entry, in: contents)
            let names = entry.imageName.flatMap { $0.tag == nil ? nil : [$0] } ?? []
            if let existing = images.firstIndex(where: { $0.manifest.digest == manifest.digest }) {
                images[existing].names += names
            } else {
                images.append(try pendingImage(manifest, names: names, in: contents))
            }
        }
        return images
    }

    /// A manifest descriptor; for an index, the manifest of this machine's platform.
    private func platformManifest(_ descriptor: Descriptor, in contents: ArchiveContents) throws -> Descriptor {
        guard MediaType.indexes.contains(descriptor.mediaType) else { return descriptor }
        let nested = try JSONCoding.decode(ImageIndex.self, from: contents.bytes(of: contents.blob(descriptor)),
                                           what: "index \(descriptor.digest)")
        let host = Platform.host
        guard let match = nested.manifests.first(where: {
            $0.platform.map { $0.os == host.os && $0.architecture == host.architecture } ?? (nested.manifests.count == 1)
        }) else {
            throw ImageError("index \(descriptor.digest) has no image for \(host.os)/\(host.architecture)")
        }
        return try platformManifest(match, in: contents)
    }

    private func pendingImage(_ descriptor: Descriptor, names: [ImageReference],
                              in contents: ArchiveContents) throws -> PendingImage {
        let manifestFile = try contents.blob(descriptor)
        let manifest = try JSONCoding.decode(ImageManifest.self, from: contents.bytes(of: manifestFile),
                                             what: "manifest \(descriptor.digest)")
        let configFile = try contents.blob(manifest.config)
        let config = try JSONCoding.decode(ImageConfiguration.self, from: contents.bytes(of: configFile),
                                           what: "config \(manifest.config.digest)")
        try PendingImage.validate(config, layerCount: manifest.layers.count, what: "manifest \(descriptor.digest)")
        let layers = try manifest.layers.map { ($0, try contents.blob($0)) }
        let listed = Descriptor(mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size)
        return PendingImage(manifest: listed, config: config, layers: layers,
                            blobs: layers.map(\.1) + [configFile, manifestFile], names: names)
    }
}
