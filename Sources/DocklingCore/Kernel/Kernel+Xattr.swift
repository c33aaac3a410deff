#if canImport(Glibc)
import Glibc
#endif
import CLinux

extension Kernel {
    /// Sets an extended attribute on a path without following a final symlink.
    /// The corresponding C function is `lsetxattr`.
    public static func lsetxattr(_ path: String, name: String, value: String, note: String) throws(KernelError) {
        let bytes = Array(value.utf8)
        try traced("lsetxattr", [StraceFormat.quote(path), StraceFormat.quote(name),
                                 StraceFormat.quote(value), String(bytes.count), "0"], note: note) {
            Int(libcLsetxattr(path, name, bytes, bytes.count, 0))
        }
    }
}

/// Swift's Glibc module does not include <sys/xattr.h>, so the C library's function is
/// looked up by name. (A `dl_lsetxattr` wrapper in CLinux would do the same job.)
private let libcLsetxattr = unsafeBitCast(
    dlsym(nil, "lsetxattr"),
    to: (@convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeRawPointer?, Int, Int32) -> Int32).self)
