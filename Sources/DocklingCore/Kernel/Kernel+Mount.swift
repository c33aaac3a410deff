#if canImport(Glibc)
import Glibc
#endif
import CLinux

extension Kernel {
    /// Attaches a filesystem (or a bind, or changes propagation) at `target`.
    /// The corresponding C function is `mount`.
    public static func mount(
        source: String?, target: String, type: String?, flags: MountFlags = [],
        data: String? = nil, note: String
    ) throws(KernelError) {
        try traced("mount", [
            StraceFormat.quote(optional: source), StraceFormat.quote(target),
            StraceFormat.quote(optional: type), flags.straceDescription,
            StraceFormat.quote(optional: data),
        ], note: note) {
            Int(Glibc.mount(source, target, type, flags.rawValue, data))
        }
    }

    /// Detaches the mount at `target`; `detach` makes it lazy (MNT_DETACH).
    /// The corresponding C function is `umount2`.
    public static func umount2(_ target: String, detach: Bool, note: String) throws(KernelError) {
        try traced("umount2", [StraceFormat.quote(target), detach ? "MNT_DETACH" : "0"],
                   note: note) {
            Int(Glibc.umount2(target, detach ? Int32(MNT_DETACH) : 0))
        }
    }

    /// Makes `newRoot` the root of the mount namespace and puts the old root at `putOld`.
    /// The corresponding C function is `pivot_root`.
    public static func pivotRoot(_ newRoot: String, putOld: String, note: String) throws(KernelError) {
        try traced("pivot_root", [StraceFormat.quote(newRoot), StraceFormat.quote(putOld)],
                   note: note) {
            Int(dl_pivot_root(newRoot, putOld))
        }
    }

    /// Changes the working directory.
    /// The corresponding C function is `chdir`.
    public static func chdir(_ path: String, note: String) throws(KernelError) {
        try traced("chdir", [StraceFormat.quote(path)], note: note) { Int(Glibc.chdir(path)) }
    }
}
