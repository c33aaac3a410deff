#if canImport(Glibc)
import Glibc
#endif

extension Kernel {
    /// Takes an exclusive advisory lock on an open file, waiting for other holders to
    /// let go. The kernel drops it when the descriptor closes — even on kill -9.
    /// The corresponding C function is `flock`.
    public static func flockExclusive(_ fd: Int32, note: String) throws(KernelError) {
        try traced("flock", [String(fd), "LOCK_EX"], note: note) { Int(libcFlock(fd, LOCK_EX)) }
    }
}

/// In Swift's Glibc module the name `flock` is taken by the struct of fcntl locks, so the
/// C library's function is looked up by name. (A `dl_flock` wrapper in CLinux would do
/// the same job.)
private let libcFlock = unsafeBitCast(dlsym(nil, "flock"), to: (@convention(c) (Int32, Int32) -> Int32).self)
