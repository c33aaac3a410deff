/// One value for one cgroup file: a limit is just a number in a file.
public struct CgroupFileWrite: Equatable, Sendable {
    public var path: String
    public var value: String
    /// Why dockling writes it, for the trace.
    public var note: String

    public init(_ path: String, _ value: String, note: String) {
        self.path = path
        self.value = value
        self.note = note
    }
}
