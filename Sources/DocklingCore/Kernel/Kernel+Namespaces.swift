#if canImport(Glibc)
import Glibc
#endif
import CLinux

extension Kernel {
    /// Moves the calling process into new namespaces of the given kinds.
    /// The corresponding C function is `unshare`.
    public static func unshare(_ flags: CloneFlags, note: String) throws(KernelError) {
        try traced("unshare", [flags.straceDescription], note: note) {
            Int(dl_unshare(flags.rawValue))
        }
    }

    /// Moves the calling thread into the namespace that `fd` refers to.
    /// The corresponding C function is `setns`.
    public static func setns(_ fd: Int32, kind: CloneFlags, note: String) throws(KernelError) {
        try traced("setns", [String(fd), kind.straceDescription], note: note) {
            Int(dl_setns(fd, kind.rawValue))
        }
    }

    /// Sets the hostname of the calling process's UTS namespace.
    /// The corresponding C function is `sethostname`.
    public static func sethostname(_ name: String, note: String) throws(KernelError) {
        let length = name.utf8.count
        try traced("sethostname", [StraceFormat.quote(name), String(length)], note: note) {
            Int(Glibc.sethostname(name, length))
        }
    }
}
