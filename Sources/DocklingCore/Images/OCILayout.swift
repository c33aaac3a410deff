// OCI image-spec image-layout.md — the "oci-layout" file.

/// The marker file that makes a folder (or a tar) an OCI image layout.
public struct OCILayout: Codable, Sendable, Equatable {
    public var imageLayoutVersion: String

    public static let fileName = "oci-layout"
    public static let current = OCILayout(imageLayoutVersion: "1.0.0")
}
