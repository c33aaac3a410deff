#if canImport(Glibc)
import Glibc
#endif

/// The O_* flags of open(2).
public struct OpenFlags: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let readOnly = OpenFlags([])
    public static let writeOnly = OpenFlags(rawValue: O_WRONLY)
    public static let readWrite = OpenFlags(rawValue: O_RDWR)
    public static let create = OpenFlags(rawValue: O_CREAT)
    public static let exclusive = OpenFlags(rawValue: O_EXCL)
    public static let truncate = OpenFlags(rawValue: O_TRUNC)
    public static let append = OpenFlags(rawValue: O_APPEND)
    public static let directory = OpenFlags(rawValue: O_DIRECTORY)
    public static let noFollow = OpenFlags(rawValue: O_NOFOLLOW)
    public static let closeOnExec = OpenFlags(rawValue: O_CLOEXEC)
    public static let noCTTY = OpenFlags(rawValue: O_NOCTTY)
    public static let nonBlocking = OpenFlags(rawValue: O_NONBLOCK)

    /// `O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC`, as strace prints it.
    public var straceDescription: String {
        let access: String
        switch rawValue & O_ACCMODE {
        case O_WRONLY: access = "O_WRONLY"
        case O_RDWR: access = "O_RDWR"
        default: access = "O_RDONLY"
        }
        let rest = StraceFormat.flags(UInt64(UInt32(bitPattern: rawValue & ~O_ACCMODE)), [
            (UInt64(O_CREAT), "O_CREAT"), (UInt64(O_EXCL), "O_EXCL"),
            (UInt64(O_NOCTTY), "O_NOCTTY"), (UInt64(O_TRUNC), "O_TRUNC"), (UInt64(O_NONBLOCK), "O_NONBLOCK"),
            (UInt64(O_APPEND), "O_APPEND"), (UInt64(O_DIRECTORY), "O_DIRECTORY"),
            (UInt64(O_NOFOLLOW), "O_NOFOLLOW"), (UInt64(O_CLOEXEC), "O_CLOEXEC"),
        ])
        return rest == "0" ? access : "\(access)|\(rest)"
    }
}
