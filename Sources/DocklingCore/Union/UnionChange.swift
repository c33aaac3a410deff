/// One line of `docker diff`: a path and what happened to it.
public struct UnionChange: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case added = "A"
        case changed = "C"
        case deleted = "D"
    }

    public var kind: Kind
    /// The path as the container sees it, such as `/etc/passwd`.
    public var path: String

    public init(_ kind: Kind, _ path: String) {
        self.kind = kind
        self.path = path
    }

    public var description: String { "\(kind.rawValue) \(path)" }
}
