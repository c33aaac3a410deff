#if canImport(Glibc)
import Glibc
#endif

extension Kernel {
    /// Waits until a file's data has reached the disk, so that a rename published
    /// afterwards never points at bytes a power cut could lose.
    /// The corresponding C function is `fsync`.
    public static func fsync(_ fd: Int32, note: String) throws(KernelError) {
        try traced("fsync", [String(fd)], note: note) { Int(Glibc.fsync(fd)) }
    }
}
