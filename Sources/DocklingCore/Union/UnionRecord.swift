/// What `dockling-union mount` made, kept as `<root>/unions/<id>/mount.json` so that
/// `diff` and `umount` — later processes — know the layers, the upper and work
/// directories, and what is dockling's to remove.
public struct UnionRecord: Codable, Sendable, Equatable {
    /// The image as the learner named it.
    public var image: String
    /// The real path of the mount point.
    public var target: String
    /// The layers (bottom first), the upper and the work directory.
    public var union: UnionLayout
    /// True when dockling made the upper directory, so `umount` removes it; an upper
    /// directory the learner gave with `--upper` is theirs and stays.
    public var createdUpper: Bool

    public init(image: String, target: String, union: UnionLayout, createdUpper: Bool) {
        self.image = image
        self.target = target
        self.union = union
        self.createdUpper = createdUpper
    }
}
