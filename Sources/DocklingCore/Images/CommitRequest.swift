/// What `docker commit` is asked for, beyond the container: a name, a message, an author,
/// `--change`s, and whether to pause a running container while its files are read.
public struct CommitRequest: Sendable {
    /// The new image's name; nil leaves it nameless (`<none>`), as docker does.
    public var reference: ImageReference?
    /// `-m`: the history entry's comment.
    public var comment: String?
    /// `-a`: the image's author.
    public var author: String?
    public var changes: [ImageChange]
    /// `-p` (docker's default): freeze a running container while its upper directory is
    /// written, so the layer is one moment of it, not a smear of several.
    public var pause: Bool

    public init(reference: ImageReference?, comment: String? = nil, author: String? = nil,
                changes: [ImageChange] = [], pause: Bool = true) {
        self.reference = reference
        self.comment = comment
        self.author = author
        self.changes = changes
        self.pause = pause
    }
}
