#if canImport(Glibc)
import Glibc
#endif

extension Kernel {
    /// The open file description's status flags (`O_NONBLOCK`, `O_APPEND`…), shared by
    /// every descriptor that was dup'ed or inherited from the same open.
    /// The corresponding C function is `fcntl` (`F_GETFL`).
    public static func statusFlags(_ fd: Int32, note: String) throws(KernelError) -> Int32 {
        Int32(try traced("fcntl", [String(fd), "F_GETFL"], note: note) { Int(fcntl(fd, F_GETFL)) })
    }

    /// Replaces the open file description's status flags.
    /// The corresponding C function is `fcntl` (`F_SETFL`).
    public static func setStatusFlags(_ fd: Int32, _ flags: Int32, note: String) throws(KernelError) {
        try traced("fcntl", [String(fd), "F_SETFL", OpenFlags(rawValue: flags).straceDescription], note: note) {
            Int(fcntl(fd, F_SETFL, flags))
        }
    }
}
