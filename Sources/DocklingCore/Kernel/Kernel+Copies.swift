#if canImport(Glibc)
import Glibc
#endif

extension Kernel {
    /// Gives the file at `existing` a second name, `path` (both on one file system): one
    /// inode, so one content, owner and mode.
    /// The corresponding C function is `link`.
    public static func link(_ existing: String, at path: String, note: String) throws(KernelError) {
        try traced("link", [StraceFormat.quote(existing), StraceFormat.quote(path)], note: note) {
            Int(Glibc.link(existing, path))
        }
    }

    /// Sets a file's access and modification times; a symlink itself gets them, not what
    /// it points to.
    /// The corresponding C function is `utimensat` (with `AT_SYMLINK_NOFOLLOW`).
    public static func setTimes(_ path: String, access: timespec, modification: timespec,
                                note: String) throws(KernelError) {
        let shown = [access, modification].map { "{tv_sec=\($0.tv_sec), tv_nsec=\($0.tv_nsec)}" }
        try traced("utimensat", ["AT_FDCWD", StraceFormat.quote(path), "[" + shown.joined(separator: ", ") + "]",
                                 "AT_SYMLINK_NOFOLLOW"], note: note) {
            Int(utimensat(AT_FDCWD, path, [access, modification], AT_SYMLINK_NOFOLLOW))
        }
    }
}
