// OCI image-spec config.md — "Image Configuration". Its digest is the image id.

/// What an image is beyond its files: the platform, how to start it (`config`), the
/// uncompressed layer digests (`rootfs`) and how it was made (`history`).
///
/// Decoding ignores fields dockling does not use; the exact bytes are kept beside this
/// value (`StoredImage.configBytes`) because re-encoding would change the image id.
public struct ImageConfiguration: Codable, Sendable, Equatable {
    /// RFC 3339 time the image was made, kept as the text it was written as.
    public var created: String?
    public var author: String?
    public var architecture: String
    public var os: String
    public var variant: String?
    public var config: ExecutionConfig?
    public var rootfs: RootFS
    public var history: [HistoryEntry]?

    public init(created: String?, architecture: String = Platform.hostArchitecture, os: String = "linux",
                config: ExecutionConfig?, rootfs: RootFS, history: [HistoryEntry]?) {
        self.created = created
        self.architecture = architecture
        self.os = os
        self.config = config
        self.rootfs = rootfs
        self.history = history
    }
}
