#if canImport(Glibc)
import Glibc
#endif
import CLinux

extension Kernel {
    /// Takes an exclusive advisory lock on an open file, waiting for other holders to
    /// let go. The kernel drops it when the descriptor closes — even on kill -9.
    /// The corresponding C function is `flock`.
    public static func flockExclusive(_ fd: Int32, note: String) throws(KernelError) {
        try traced("flock", [String(fd), "LOCK_EX"], note: note) { Int(dl_flock(fd, LOCK_EX)) }
    }
}
