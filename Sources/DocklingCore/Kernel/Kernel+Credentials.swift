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

    /// Sets the user id that file access is checked against (and that new files get),
    /// leaving the real and effective ids alone; returns the previous one.
    /// The corresponding C function is `setfsuid`.
    @discardableResult
    public static func setfsuid(_ uid: uid_t, note: String) throws(KernelError) -> uid_t {
        uid_t(try traced("setfsuid", [String(uid)], note: note) { Int(dl_setfsuid(uid)) })
    }

    /// Sets the group id that file access is checked against; returns the previous one.
    /// The corresponding C function is `setfsgid`.
    @discardableResult
    public static func setfsgid(_ gid: gid_t, note: String) throws(KernelError) -> gid_t {
        gid_t(try traced("setfsgid", [String(gid)], note: note) { Int(dl_setfsgid(gid)) })
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
