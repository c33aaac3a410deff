/// What `dockling inspect` prints for an image, in the shape of `docker image inspect`,
/// plus where dockling keeps the image: its manifest descriptor and unpacked layers.
public struct ImageInspection: Encodable, Sendable {
    public struct RootFSInfo: Encodable, Sendable {
        let type = "layers"
        let layers: [Digest]
        enum CodingKeys: String, CodingKey { case type = "Type", layers = "Layers" }
    }

    /// The overlay lower directories, top first as `lowerdir=` wants them.
    public struct Driver: Encodable, Sendable {
        let name = "overlay"
        let data: [String: String]
        enum CodingKeys: String, CodingKey { case name = "Name", data = "Data" }
    }

    let id: Digest
    let repoTags: [String]
    let repoDigests: [String]
    let created: String?
    let author: String?
    let config: ExecutionConfig?
    let architecture: String
    let os: String
    let size: Int64
    let rootFS: RootFSInfo
    let graphDriver: Driver
    let descriptor: Descriptor

    enum CodingKeys: String, CodingKey {
        case id = "Id", repoTags = "RepoTags", repoDigests = "RepoDigests", created = "Created"
        case author = "Author", config = "Config", architecture = "Architecture", os = "Os", size = "Size"
        case rootFS = "RootFS", graphDriver = "GraphDriver", descriptor = "Descriptor"
    }

    public init(_ image: StoredImage, layerDirectories: [String]) {
        id = image.id
        repoTags = image.names.map(\.familiarDescription)
        repoDigests = image.names.map { "\($0.familiarName)@\(image.manifestDigest)" }
        created = image.config.created
        author = image.config.author
        config = image.config.config
        architecture = image.config.architecture
        os = image.config.os
        size = image.contentSize
        rootFS = RootFSInfo(layers: image.diffIDs)
        graphDriver = Driver(data: ["LowerDir": layerDirectories.reversed().joined(separator: ":")])
        descriptor = image.manifestDescriptor
    }
}
