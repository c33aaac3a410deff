// OCI image-spec image-index.md — "Image Index". index.json at the top of an OCI image
// layout is one of these, and so is a multi-platform image.

/// A list of manifests; in dockling's store, one entry per tag (plus one unnamed entry
/// for an image that has lost all its tags).
public struct ImageIndex: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var mediaType: String?
    public var manifests: [Descriptor]
    public var annotations: [String: String]?

    public init(manifests: [Descriptor] = []) {
        schemaVersion = 2
        mediaType = MediaType.ociIndex
        self.manifests = manifests
    }
}
