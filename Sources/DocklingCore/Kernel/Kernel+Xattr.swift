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
            Int(dl_lsetxattr(path, name, bytes, bytes.count, 0))
        }
    }
}
