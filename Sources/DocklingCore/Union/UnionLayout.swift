/// The directories of one overlay: read-only layers, and the writable pair on top.
public struct UnionLayout: Codable, Sendable, Equatable {
    /// The image's unpacked layers, bottom (the base) first, as an image lists them.
    public var layers: [String]
    /// Where every write lands: new files, copied-up files, whiteouts.
    public var upper: String
    /// overlayfs's scratch space; must be on the same filesystem as `upper`.
    public var work: String

    public init(layers: [String], upper: String, work: String) {
        self.layers = layers
        self.upper = upper
        self.work = work
    }

    /// overlayfs wants the top layer first in `lowerdir`, the base last.
    public var lowerdirOrder: [String] { layers.reversed() }
}
