/// A name for an image, normalised the way docker does: `busybox` is
/// `docker.io/library/busybox:latest`, `me/app` is `docker.io/me/app:latest`, and a
/// first part with a dot, a colon or `localhost` is a registry (`quay.io/x/y:1`).
/// A reference may pin a manifest digest (`busybox@sha256:…`) instead of a tag.
public struct ImageReference: Hashable, Sendable, CustomStringConvertible {
    public static let defaultDomain = "docker.io"
    public static let defaultTag = "latest"

    /// The registry: `docker.io`, `quay.io`, `localhost:5000`.
    public let domain: String
    /// The repository path inside the registry: `library/busybox`.
    public let path: String
    public let tag: String?
    public let digest: Digest?

    init(domain: String, path: String, tag: String?, digest: Digest?) {
        self.domain = domain
        self.path = path
        self.tag = tag
        self.digest = digest
    }

    /// `docker.io/library/busybox`.
    public var name: String { "\(domain)/\(path)" }

    /// The short name docker shows: `busybox`, `me/app`, `quay.io/x/y`.
    public var familiarName: String {
        guard domain == Self.defaultDomain else { return name }
        let library = "library/"
        if path.hasPrefix(library), !path.dropFirst(library.count).contains("/") {
            return String(path.dropFirst(library.count))
        }
        return path
    }

    /// `docker.io/library/busybox:latest`, as index.json records it.
    public var description: String { name + suffix }

    /// `busybox:latest`, as `docker images` and `docker save` spell it.
    public var familiarDescription: String { familiarName + suffix }

    /// The same repository with another tag.
    public func with(tag: String) -> ImageReference {
        ImageReference(domain: domain, path: path, tag: tag, digest: nil)
    }

    private var suffix: String {
        (tag.map { ":" + $0 } ?? "") + (digest.map { "@" + $0.description } ?? "")
    }
}
