#if canImport(Glibc)
import Glibc
#endif

extension MountFlags {
    /// The flags of a bind remount that makes the mount at `path` read-only. They repeat
    /// the mount's nosuid, nodev, noexec and atime flags: in a user namespace the kernel
    /// refuses to clear those of a mount that came from outside it, and everywhere a
    /// remount sets exactly the flags given — leaving one out would quietly drop it.
    static func readOnlyRemount(of path: String) -> MountFlags {
        let remount: MountFlags = [.remount, .bind, .readOnly]
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return remount }
        // statvfs's ST_* bits (glibc's enum, which Swift does not import) and their MS_* twins.
        let keep: [(UInt, MountFlags)] = [(2, .noSUID), (4, .noDev), (8, .noExec), (1024, MountFlags(rawValue: 1024)),
                                          (2048, MountFlags(rawValue: 2048)), (4096, .relatime)]
        return keep.reduce(into: remount) { flags, pair in
            if stats.f_flag & pair.0 != 0 { flags.insert(pair.1) }
        }
    }
}
