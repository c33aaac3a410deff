/// A system call that failed: which call, on what, and the errno it returned.
public struct KernelError: Error, CustomStringConvertible, Sendable {
    /// The call as strace would print it, such as `mount("proc", "/proc", …)`.
    public let call: String
    public let errno: Errno

    public var description: String { "\(call): \(errno.name) (\(errno.message))" }
}
