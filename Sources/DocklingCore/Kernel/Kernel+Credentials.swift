#if canImport(Glibc)
import Glibc
#endif
import CLinux

extension Kernel {
    /// Sets the real, effective and saved user ids.
    /// The corresponding C function is `setresuid`.
    public static func setresuid(_ uid: uid_t, note: String) throws(KernelError) {
        try traced("setresuid", [String(uid), String(uid), String(uid)], note: note) {
            Int(dl_setresuid(uid))
        }
    }

    /// Sets the real, effective and saved group ids.
    /// The corresponding C function is `setresgid`.
    public static func setresgid(_ gid: gid_t, note: String) throws(KernelError) {
        try traced("setresgid", [String(gid), String(gid), String(gid)], note: note) {
            Int(dl_setresgid(gid))
        }
    }

    /// Replaces the supplementary group list.
    /// The corresponding C function is `setgroups`.
    public static func setgroups(_ groups: [gid_t], note: String) throws(KernelError) {
        let list = "[" + groups.map(String.init).joined(separator: ", ") + "]"
        try traced("setgroups", [String(groups.count), list], note: note) {
            Int(Glibc.setgroups(groups.count, groups))
        }
    }
}
