#if canImport(Glibc)
import Glibc
#endif
import CLinux

/// The new mount API (Linux 5.2): mounts as file descriptors. A mount can be made,
/// changed and configured while it is attached nowhere, then attached in one step —
/// even by another process, in another mount namespace, that inherited the descriptor.
extension Kernel {
    /// With `clone`, a copy of the mount at `path` that is attached nowhere (a detached
    /// mount, open_tree's OPEN_TREE_CLONE); without, a handle on `path` itself, like
    /// O_PATH. `directory` is a descriptor from an earlier call, or nil for AT_FDCWD.
    /// The corresponding C function is `open_tree`.
    public static func openTree(_ path: String, in directory: Int32? = nil, clone: Bool,
                                note: String) throws(KernelError) -> Int32 {
        let flags = clone ? "OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC" : "OPEN_TREE_CLOEXEC"
        return Int32(try traced("open_tree", [directory.map(String.init) ?? "AT_FDCWD", StraceFormat.quote(path), flags],
                                note: note) {
            Int(dl_open_tree(directory ?? AT_FDCWD, path, clone ? 1 : 0))
        })
    }

    /// Makes the detached mount `fd` an idmapped mount: file owners on disk are shown
    /// (and written) through the id maps of the user namespace `userNamespace`.
    /// The corresponding C function is `mount_setattr`.
    public static func mountSetattrIDMap(_ fd: Int32, userNamespace: Int32, note: String) throws(KernelError) {
        try traced("mount_setattr", [String(fd), "\"\"", "AT_EMPTY_PATH",
                                     "{attr_set=MOUNT_ATTR_IDMAP, attr_clr=0, propagation=0 /* MS_??? */, userns_fd=\(userNamespace)}",
                                     "32"], note: note) {
            Int(dl_mount_setattr_idmap(fd, userNamespace))
        }
    }

    /// A filesystem context: a new mount of `type`, to configure with `fsconfig`.
    /// The corresponding C function is `fsopen`.
    public static func fsopen(_ type: String, note: String) throws(KernelError) -> Int32 {
        Int32(try traced("fsopen", [StraceFormat.quote(type), "FSOPEN_CLOEXEC"], note: note) {
            Int(dl_fsopen(type))
        })
    }

    /// One setting of a filesystem context, or the command that creates the filesystem.
    public enum FilesystemSetting {
        case flag(String)
        case string(String, String)
        case descriptor(String, Int32)
        case create
    }

    /// Applies one setting to the filesystem context `fd`.
    /// The corresponding C function is `fsconfig`.
    public static func fsconfig(_ fd: Int32, _ setting: FilesystemSetting, note: String) throws(KernelError) {
        let (command, name, key, value, aux): (UInt32, String, String?, String?, Int32) = switch setting {
        case .flag(let key): (0, "FSCONFIG_SET_FLAG", key, nil, 0)
        case .string(let key, let value): (1, "FSCONFIG_SET_STRING", key, value, 0)
        case .descriptor(let key, let descriptor): (5, "FSCONFIG_SET_FD", key, nil, descriptor)
        case .create: (6, "FSCONFIG_CMD_CREATE", nil, nil, 0)
        }
        try traced("fsconfig", [String(fd), name, StraceFormat.quote(optional: key), StraceFormat.quote(optional: value),
                                String(aux)], note: note) {
            Int(dl_fsconfig(fd, command, key, value, aux))
        }
    }

    /// A detached mount of the filesystem the context `fd` created.
    /// The corresponding C function is `fsmount`.
    public static func fsmount(_ fd: Int32, note: String) throws(KernelError) -> Int32 {
        Int32(try traced("fsmount", [String(fd), "FSMOUNT_CLOEXEC", "0"], note: note) {
            Int(dl_fsmount(fd))
        })
    }

    /// Attaches the detached mount `fd` at `target`, in the caller's mount namespace.
    /// The corresponding C function is `move_mount`.
    public static func moveMount(_ fd: Int32, to target: String, note: String) throws(KernelError) {
        try traced("move_mount", [String(fd), "\"\"", "AT_FDCWD", StraceFormat.quote(target), "MOVE_MOUNT_F_EMPTY_PATH"],
                   note: note) {
            Int(dl_move_mount_fd(fd, target))
        }
    }
}
