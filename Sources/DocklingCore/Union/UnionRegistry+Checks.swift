#if canImport(Glibc)
import Glibc
#endif

// The checks on what the learner typed. They only read (stat, realpath, the mount
// table), and they all run before anything is made, so a refusal leaves nothing behind.
extension UnionRegistry {
    /// The real path of `dir`, which must be a directory that nothing is mounted on:
    /// mounting over a mount point would hide it, and `umount` could not tell the two apart.
    static func checkedMountPoint(_ dir: String) throws -> String {
        let target = try checkedDirectory(dir, role: "mount point")
        if try MountTable.current().top(at: target) != nil { throw UnionError.alreadyMounted(dir) }
        return target
    }

    /// The real path of the `--upper` directory. It must not be the mount point or inside
    /// it, and it must be on the filesystem that will hold the work directory: overlayfs
    /// builds each copy-up in work and moves it into upper with rename(2), which cannot
    /// cross filesystems.
    func checkedUpper(_ path: String, target: String) throws -> String {
        let upper = try Self.checkedDirectory(path, role: "--upper")
        if Path.relative(upper, under: target) != nil {
            throw UnionError("--upper \(path) is inside the mount point \(target)",
                             hint: "the union would hide its own upper directory; choose one outside")
        }
        let workParent = Self.nearestExisting(directory)
        if Self.device(of: upper) != Self.device(of: workParent) {
            throw UnionError.otherFilesystem(upper: path, work: workParent)
        }
        return upper
    }

    /// The real path of `path`, which must be a directory (following symlinks, as mount does).
    static func checkedDirectory(_ path: String, role: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw UnionError.missing(path, .current, role: role) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw UnionError.notDirectory(path, role: role) }
        guard let real = realpath(path, nil) else { throw UnionError.missing(path, .current, role: role) }
        defer { free(real) }
        return String(cString: real)
    }

    /// `path`, or its closest ancestor that exists (the unions folder is made on first use).
    static func nearestExisting(_ path: String) -> String {
        var candidate = path
        while access(candidate, F_OK) != 0 && candidate != "/" { candidate = Path.parent(of: candidate) }
        return candidate
    }

    private static func device(of path: String) -> UInt64 {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_dev) : 0
    }
}
