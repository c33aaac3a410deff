// One kernel call as a learner sees it: what was asked, what came back, and why.

/// A single traced kernel interaction.
///
/// `args` are rendered as strace prints them (quoted strings, symbolic flags), so a
/// learner can hold a dockling trace next to `strace -f` output and find each line.
public struct TraceEvent: Codable, Sendable, Equatable {
    /// The calling process's pid, as the calling process sees itself.
    public var pid: Int32
    /// The concept step the call belongs to ("namespaces", "cgroups", "rootfs", …).
    public var step: String
    /// The system call's name, as strace names it.
    public var call: String
    /// The arguments, one string each, in strace's spelling.
    public var args: [String]
    /// The return value; nil for a call that does not return when it succeeds (execve).
    public var result: Int?
    /// The errno name when the call failed, such as "ENOENT".
    public var errno: String?
    /// One line saying why dockling makes this call.
    public var note: String

    public init(pid: Int32, step: String, call: String, args: [String],
                result: Int?, errno: String?, note: String) {
        self.pid = pid
        self.step = step
        self.call = call
        self.args = args
        self.result = result
        self.errno = errno
        self.note = note
    }
}
