// OCI image-spec image-index.md — the "platform" object of a manifest descriptor.

/// The operating system and CPU a manifest's image is built for.
public struct Platform: Codable, Sendable, Equatable {
    public var architecture: String
    public var os: String
    public var variant: String?

    /// GOARCH spelling of this machine's CPU, as image configs record it.
    public static let hostArchitecture: String = {
        #if arch(x86_64)
        return "amd64"
        #elseif arch(arm64)
        return "arm64"
        #else
        return "unknown"
        #endif
    }()

    /// This machine: linux on its own CPU.
    public static let host = Platform(architecture: hostArchitecture, os: "linux")

    public init(architecture: String, os: String, variant: String? = nil) {
        self.architecture = architecture
        self.os = os
        self.variant = variant
    }
}
