/// An error dockling reports to a person: which step failed, what failed, the errno
/// when the kernel said no, and a hint at what to do about it.
///
/// The CLI prints `dockling: <step>: <what>: <errno> — <hint>` and exits with
/// `exitCode` (docker's convention: 125 for dockling's own failures).
public protocol DocklingFailure: Error, CustomStringConvertible {
    var step: String { get }
    var what: String { get }
    var errno: Errno? { get }
    var hint: String? { get }
    var exitCode: Int32 { get }
}

extension DocklingFailure {
    public var errno: Errno? { nil }
    public var hint: String? { nil }
    public var exitCode: Int32 { 125 }

    public var description: String {
        var text = "\(step): \(what)"
        if let errno { text += ": \(errno.name) (\(errno.message))" }
        if let hint { text += " — \(hint)" }
        return text
    }
}

/// A failure of dockling's own making that no more specific type describes.
public struct UsageError: DocklingFailure {
    public let step: String
    public let what: String
    public let hint: String?
    public init(step: String, _ what: String, hint: String? = nil) {
        self.step = step
        self.what = what
        self.hint = hint
    }
}

/// A failed system call, filed under the step that made it.
public struct StepError: DocklingFailure {
    public let step: String
    public let what: String
    public let errno: Errno?
    public let hint: String?

    public init(step: String, _ error: KernelError, hint: String? = nil) {
        self.step = step
        self.what = error.call
        self.errno = error.errno
        self.hint = hint
    }
}
