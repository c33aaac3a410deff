// OCI image-spec manifest.md — "Image Manifest" (docker's schema 2 manifest has the
// same shape, so one struct reads both).

/// One image: its config and its layers, bottom layer first, each by digest.
public struct ImageManifest: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var mediaType: String?
    public var config: Descriptor
    public var layers: [Descriptor]
    public var annotations: [String: String]?

    public init(config: Descriptor, layers: [Descriptor]) {
        schemaVersion = 2
        mediaType = MediaType.ociManifest
        self.config = config
        self.layers = layers
    }
}
