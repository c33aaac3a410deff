#if canImport(Glibc)
import Glibc
#endif

extension Kernel {
    /// Creates a character device with device number 0:0 — the mark overlayfs reads as
    /// "this name was deleted in a lower layer" (a whiteout).
    /// The corresponding C function is `mknod`.
    public static func mknodWhiteout(_ path: String, note: String) throws(KernelError) {
        try traced("mknodat", ["AT_FDCWD", StraceFormat.quote(path), "S_IFCHR|000", "makedev(0, 0)"],
                   note: note) {
            Int(Glibc.mknod(path, S_IFCHR, 0))
        }
    }
}
