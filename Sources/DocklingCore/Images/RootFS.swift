// OCI image-spec config.md — the "rootfs" object.

/// The image's layers by the digest of their uncompressed tar (the diff id), bottom
/// first. Compressing a layer changes its blob digest but never its diff id.
public struct RootFS: Codable, Sendable, Equatable {
    public var type: String
    public var diffIDs: [Digest]

    enum CodingKeys: String, CodingKey {
        case type
        case diffIDs = "diff_ids"
    }

    public init(diffIDs: [Digest]) {
        type = "layers"
        self.diffIDs = diffIDs
    }
}
