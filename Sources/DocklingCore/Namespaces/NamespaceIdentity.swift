#if canImport(Glibc)
import Glibc
#endif

/// Which namespace of a kind a process is in: the inode number behind /proc/PID/ns/KIND.
/// Two processes share a namespace exactly when these numbers are equal.
public enum NamespaceIdentity {
    /// The inode of `/proc/<pid>/ns/<kind>` (`pid:[4026531836]` → 4026531836).
    public static func inode(of kind: NamespaceKind, pid: String = "self") -> UInt64? {
        var buffer = [CChar](repeating: 0, count: 128)
        let n = readlink("/proc/\(pid)/ns/\(kind.procName)", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let open = text.firstIndex(of: "["), let close = text.firstIndex(of: "]") else { return nil }
        return UInt64(text[text.index(after: open)..<close])
    }
}
