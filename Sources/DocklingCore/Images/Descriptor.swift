// OCI image-spec descriptor.md — "Content Descriptors".

/// A pointer to a blob: what kind of content it is, its digest and its size. Manifests
/// point at configs and layers this way, and index.json points at manifests.
public struct Descriptor: Codable, Sendable, Equatable {
    public var mediaType: String
    public var digest: Digest
    public var size: Int64
    public var urls: [String]?
    public var annotations: [String: String]?
    /// Only in an image index: which platform the manifest is built for.
    public var platform: Platform?

    public init(mediaType: String, digest: Digest, size: Int64,
                annotations: [String: String]? = nil) {
        self.mediaType = mediaType
        self.digest = digest
        self.size = size
        self.annotations = annotations
    }
}
