/// `docker volume inspect`: the keys and values docker's local driver shows.
public struct VolumeInspection: Encodable {
    public let name: String
    public let mountpoint: String
    public let createdAt: String
    public let labels: [String: String]?

    enum CodingKeys: String, CodingKey {
        case CreatedAt, Driver, Labels, Mountpoint, Name, Options, Scope
    }

    /// docker shows `null` for no labels and no options, so the keys are always written.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(createdAt, forKey: .CreatedAt)
        try container.encode("local", forKey: .Driver)
        try container.encode(labels, forKey: .Labels)
        try container.encode(mountpoint, forKey: .Mountpoint)
        try container.encode(name, forKey: .Name)
        try container.encodeNil(forKey: .Options)
        try container.encode("local", forKey: .Scope)
    }
}
