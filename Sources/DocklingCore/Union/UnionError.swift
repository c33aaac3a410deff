#if canImport(Glibc)
import Glibc
#endif

/// A union that cannot be mounted, read or taken down: which path, why, and what to do.
/// Every check that can fail on the learner's input runs before anything is made, so
/// one of these means nothing was mounted and nothing was left behind.
public struct UnionError: DocklingFailure {
    public let step = "union"
    public let what: String
    public let errno: Errno?
    public let hint: String?

    public init(_ what: String, errno: Errno? = nil, hint: String? = nil) {
        self.what = what
        self.errno = errno
        self.hint = hint
    }

    static func missing(_ path: String, _ errno: Errno, role: String) -> UnionError {
        UnionError("\(role) \(path) cannot be used", errno: errno,
                   hint: "give an existing directory (mkdir it first)")
    }

    static func notDirectory(_ path: String, role: String) -> UnionError {
        UnionError("\(role) \(path) is not a directory", errno: .ENOTDIR,
                   hint: "a union is mounted on, and writes into, directories")
    }

    static func alreadyMounted(_ path: String) -> UnionError {
        UnionError("\(path) is already a mount point", errno: .EBUSY,
                   hint: "choose an empty directory, or `dockling-union umount \(path)` if dockling-union mounted it")
    }

    static func notOurs(_ path: String) -> UnionError {
        UnionError("\(path) is not a union that dockling-union mounted",
                   hint: "`dockling-union mount IMAGE \(path)` makes one")
    }

    static func otherFilesystem(upper: String, work: String) -> UnionError {
        UnionError("--upper \(upper) is on another filesystem than the work directory under \(work)", errno: Errno(EXDEV),
                   hint: "overlayfs moves files from work to upper by rename, so both must be on one filesystem; "
                       + "put the upper directory on the filesystem of the store root, or leave --upper out")
    }
}
