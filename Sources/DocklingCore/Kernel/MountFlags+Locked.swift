#if canImport(Glibc)
import Glibc
#endif

extension MountFlags {
    /// The flags of the mount at `path` that a remount must repeat: in a user namespace
    /// the kernel refuses to clear nosuid, nodev, noexec or the atime flags of a mount
    /// that came from outside it, and everywhere a remount sets exactly the flags given —
    /// leaving one out would quietly drop it.
    static func locked(at path: String) -> MountFlags {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return [] }
        // statvfs's ST_* bits (glibc's enum, which Swift does not import) and their MS_* twins.
        let keep: [(UInt, MountFlags)] = [(2, .noSUID), (4, .noDev), (8, .noExec), (1024, MountFlags(rawValue: 1024)),
                                          (2048, MountFlags(rawValue: 2048)), (4096, .relatime)]
        return keep.reduce(into: MountFlags()) { flags, pair in
            if stats.f_flag & pair.0 != 0 { flags.insert(pair.1) }
        }
    }
}
