#if canImport(Glibc)
import Glibc
#endif

extension Kernel {
    /// What `access` asks: does the path exist, or may this process execute it?
    public enum AccessMode: Sendable {
        case exists
        case executable

        var rawValue: Int32 { self == .exists ? F_OK : X_OK }
        var straceName: String { self == .exists ? "F_OK" : "X_OK" }
    }

    /// Asks whether `path` exists or is executable, without opening it. Kernel interfaces
    /// such as cgroup files come and go with the kernel's configuration, so asking first
    /// is how a program learns what this kernel offers.
    /// The corresponding C function is `access`.
    public static func access(_ path: String, _ mode: AccessMode, note: String) throws(KernelError) {
        try traced("access", [StraceFormat.quote(path), mode.straceName], note: note) {
            Int(Glibc.access(path, mode.rawValue))
        }
    }
}
