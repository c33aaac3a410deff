#if canImport(Glibc)
import Glibc
#endif

/// A failed system call's errno, with the name strace prints and the C library's message.
public struct Errno: Error, Equatable, Sendable, CustomStringConvertible {
    public let code: Int32

    public init(_ code: Int32) { self.code = code }

    /// The errno of the last failed call on this thread.
    public static var current: Errno { Errno(errno) }

    public static let ENOENT = Errno(Glibc.ENOENT)
    public static let EEXIST = Errno(Glibc.EEXIST)
    public static let EINTR = Errno(Glibc.EINTR)
    public static let EBUSY = Errno(Glibc.EBUSY)
    public static let EINVAL = Errno(Glibc.EINVAL)
    public static let ENOTDIR = Errno(Glibc.ENOTDIR)
    public static let ESRCH = Errno(Glibc.ESRCH)

    /// "ENOENT", as strace and the man pages name it.
    public var name: String { Errno.names[code] ?? "E\(code)" }

    /// "No such file or directory".
    public var message: String { String(cString: strerror(code)) }

    public var description: String { "\(name) (\(message))" }

    private static let names: [Int32: String] = [
        EPERM: "EPERM", Glibc.ENOENT: "ENOENT", Glibc.ESRCH: "ESRCH", Glibc.EINTR: "EINTR",
        EIO: "EIO", ENXIO: "ENXIO", E2BIG: "E2BIG", ENOEXEC: "ENOEXEC", EBADF: "EBADF",
        ECHILD: "ECHILD", EAGAIN: "EAGAIN", ENOMEM: "ENOMEM", EACCES: "EACCES",
        EFAULT: "EFAULT", Glibc.EBUSY: "EBUSY", Glibc.EEXIST: "EEXIST", EXDEV: "EXDEV",
        ENODEV: "ENODEV", Glibc.ENOTDIR: "ENOTDIR", EISDIR: "EISDIR",
        Glibc.EINVAL: "EINVAL", ENFILE: "ENFILE", EMFILE: "EMFILE", ENOTTY: "ENOTTY",
        ETXTBSY: "ETXTBSY", EFBIG: "EFBIG", ENOSPC: "ENOSPC", ESPIPE: "ESPIPE",
        EROFS: "EROFS", EMLINK: "EMLINK", EPIPE: "EPIPE", ERANGE: "ERANGE",
        ENAMETOOLONG: "ENAMETOOLONG", ENOSYS: "ENOSYS", ENOTEMPTY: "ENOTEMPTY",
        ELOOP: "ELOOP", ENODATA: "ENODATA", EOPNOTSUPP: "EOPNOTSUPP",
        EADDRINUSE: "EADDRINUSE", ETIMEDOUT: "ETIMEDOUT", EUSERS: "EUSERS",
        EDQUOT: "EDQUOT", ECANCELED: "ECANCELED",
    ]
}
