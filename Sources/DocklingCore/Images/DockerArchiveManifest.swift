// moby image/spec "Combined Image JSON + Filesystem Changeset Format" — one element of
// the manifest.json array that `docker save` and `podman save` write.

/// One image in a docker-archive: its config file, its tags and its layer tars, each
/// named by its path inside the archive.
public struct DockerArchiveManifest: Codable, Sendable, Equatable {
    public var config: String
    public var repoTags: [String]?
    public var layers: [String]

    public static let fileName = "manifest.json"

    enum CodingKeys: String, CodingKey {
        case config = "Config", repoTags = "RepoTags", layers = "Layers"
    }

    public init(config: String, repoTags: [String]?, layers: [String]) {
        self.config = config
        self.repoTags = repoTags
        self.layers = layers
    }
}
