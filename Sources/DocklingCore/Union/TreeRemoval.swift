import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Removing a folder and everything in it, deepest first, one traced unlink(2) or
/// rmdir(2) per entry — so that a learner sees a union's upper directory, whiteouts
/// and all, go. Symlinks are removed, never followed: the short layer names in `l/`
/// point at image layers, which must stay.
enum TreeRemoval {
    static func remove(_ path: String, note: String) throws(KernelError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }  // already gone
        guard info.st_mode & S_IFMT == S_IFDIR else {
            try Kernel.unlink(path, note: note)
            return
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            try remove(path + "/" + name, note: note)
        }
        try Kernel.rmdir(path, note: note)
    }
}
