#if canImport(Glibc)
import Glibc
#endif

/// A cgroup operation that failed: what dockling was doing, the errno when the kernel
/// said no, and a hint at what to do about it.
public struct CgroupError: DocklingFailure, Equatable {
    public let step = "cgroups"
    public let what: String
    public let errno: Errno?
    public let hint: String?

    public init(_ what: String, errno: Errno? = nil, hint: String? = nil) {
        self.what = what
        self.errno = errno
        self.hint = hint
    }

    /// A failed kernel call made while doing `what`.
    public init(_ what: String, _ error: KernelError, hint: String? = nil) {
        self.init("\(what): \(error.call)", errno: error.errno, hint: hint ?? Self.hint(for: error.errno))
    }

    /// What each errno means when it comes back from a cgroup file.
    static func hint(for errno: Errno) -> String? {
        switch errno {
        case .EBUSY:
            "the cgroup still has processes, or (v2) a cgroup may hold processes or give controllers to its children, not both"
        case .EINVAL: "the kernel refused the value; see the controller's documentation for its range"
        case .ENOENT: "this kernel does not offer that file: the controller is missing or not enabled"
        case Errno(EACCES), Errno(EPERM): "writing cgroup files needs root (or a cgroup delegated to you)"
        default: nil
        }
    }
}
