extension ImageStore {
    /// The images of a docker-archive that has no OCI half (podman's, older docker's):
    /// `manifest.json` names each image's config file, tags and layer tars; dockling
    /// writes the OCI manifest those files imply.
    func dockerImages(in contents: ArchiveContents) throws -> [PendingImage] {
        let entries = try JSONCoding.decode([DockerArchiveManifest].self,
                                            from: contents.bytes(of: contents.require(DockerArchiveManifest.fileName)),
                                            what: "the archive's manifest.json")
        return try entries.map { entry in
            let configFile = try contents.require(entry.config)
            let config = try JSONCoding.decode(ImageConfiguration.self, from: contents.bytes(of: configFile),
                                               what: "config \(entry.config)")
            try PendingImage.validate(config, layerCount: entry.layers.count, what: "image \(entry.config)")
            let layers = try entry.layers.map { name in
                let file = try contents.require(name)
                guard let mediaType = try Compression.of(file: file.path).layerMediaType else {
                    throw ImageError("layer \(name) is compressed in a way OCI has no media type for")
                }
                return (Descriptor(mediaType: mediaType, digest: file.digest, size: file.size), file)
            }
            let manifest = ImageManifest(
                config: Descriptor(mediaType: MediaType.ociConfig, digest: configFile.digest, size: configFile.size),
                layers: layers.map(\.0))
            let manifestFile = try content.stage()
            try manifestFile.write(JSONCoding.encode(manifest))
            manifestFile.seal()
            let names = try (entry.repoTags ?? []).map { try ImageReference(parsing: $0) }.filter { $0.tag != nil }
            return PendingImage(
                manifest: Descriptor(mediaType: MediaType.ociManifest, digest: manifestFile.digest, size: manifestFile.size),
                config: config, layers: layers, blobs: layers.map(\.1) + [configFile, manifestFile], names: names)
        }
    }
}
