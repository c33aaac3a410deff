// OCI image-spec config.md — one element of the "history" array.

/// How one step of the image was made; steps that changed no files say `empty_layer`.
public struct HistoryEntry: Codable, Sendable, Equatable {
    public var created: String?
    public var createdBy: String?
    public var author: String?
    public var comment: String?
    public var emptyLayer: Bool?

    enum CodingKeys: String, CodingKey {
        case created, author, comment
        case createdBy = "created_by"
        case emptyLayer = "empty_layer"
    }

    public init(created: String?, createdBy: String?, comment: String? = nil) {
        self.created = created
        self.createdBy = createdBy
        self.comment = comment
    }
}
