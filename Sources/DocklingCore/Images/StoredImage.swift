/// An image in the store, read and verified: its manifest, its config (the exact bytes
/// and their decoded form) and the names index.json gives it.
public struct StoredImage: Sendable {
    public let manifestDigest: Digest
    public let manifestDescriptor: Descriptor
    public let manifest: ImageManifest
    /// The config exactly as stored; its sha256 is the image id.
    public let configBytes: [UInt8]
    public let config: ImageConfiguration
    /// Every tag that points at this manifest, in index order.
    public let names: [ImageReference]

    /// The image id, as docker defines it: the digest of the config.
    public var id: Digest { manifest.config.digest }

    /// The uncompressed layer digests, bottom layer first.
    public var diffIDs: [Digest] { config.rootfs.diffIDs }

    /// The bytes the image takes in the store: config and layer blobs.
    public var contentSize: Int64 { manifest.config.size + manifest.layers.reduce(0) { $0 + $1.size } }
}

extension ImageStore {
    /// Reads and verifies the image a manifest descriptor of index.json points at.
    func image(at descriptor: Descriptor, names: [ImageReference]) throws -> StoredImage {
        let manifest = try JSONCoding.decode(ImageManifest.self, from: content.read(descriptor.digest),
                                             what: "manifest \(descriptor.digest)")
        let configBytes = try content.read(manifest.config.digest)
        let config = try JSONCoding.decode(ImageConfiguration.self, from: configBytes,
                                           what: "config \(manifest.config.digest)")
        guard config.rootfs.diffIDs.count == manifest.layers.count else {
            throw ImageError("image \(manifest.config.digest.short) lists \(manifest.layers.count) layers but \(config.rootfs.diffIDs.count) diff ids")
        }
        return StoredImage(manifestDigest: descriptor.digest, manifestDescriptor: descriptor, manifest: manifest,
                           configBytes: configBytes, config: config, names: names)
    }
}
