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

    /// Takes a shared advisory lock, waiting while someone holds it exclusively; any
    /// number of shared holders may have it at once.
    /// The corresponding C function is `flock` (with `LOCK_SH`).
    public static func flockShared(_ fd: Int32, note: String) throws(KernelError) {
        try traced("flock", [String(fd), "LOCK_SH"], note: note) { Int(dl_flock(fd, LOCK_SH)) }
    }

    /// Takes an exclusive advisory lock only if no one holds it now; false, without
    /// waiting, when another open file holds it (EWOULDBLOCK).
    /// The corresponding C function is `flock` (with `LOCK_NB`).
    public static func flockExclusiveIfFree(_ fd: Int32, note: String) throws(KernelError) -> Bool {
        do throws(KernelError) {
            try traced("flock", [String(fd), "LOCK_EX|LOCK_NB"], note: note) { Int(dl_flock(fd, LOCK_EX | LOCK_NB)) }
            return true
        } catch where error.errno.code == EWOULDBLOCK {
            return false
        }
    }
}
