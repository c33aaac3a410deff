#if canImport(Glibc)
import Glibc
#endif
import CLinux

extension Kernel {
    /// Reads an extended attribute of a path without following a final symlink; nil
    /// when it is absent. Not traced: reading changes nothing.
    /// The corresponding C function is `lgetxattr`.
    public static func lgetxattr(_ path: String, name: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = dl_lgetxattr(path, name, &buffer, buffer.count)
        guard n >= 0 else { return nil }
        return String(decoding: buffer[0..<n], as: UTF8.self)
    }
}
