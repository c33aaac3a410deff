#if canImport(Glibc)
import Glibc
#endif

/// Which namespace of a kind a process is in: the inode number behind /proc/PID/ns/KIND.
/// Two processes share a namespace exactly when these numbers are equal.
public enum NamespaceIdentity {
    /// The inode of `/proc/<pid>/ns/<kind>` (`pid:[4026531836]` → 4026531836).
    public static func inode(of kind: NamespaceKind, pid: String = "self") -> UInt64? {
        guard let text = Path.readLink("/proc/\(pid)/ns/\(kind.procName)"),
              let open = text.firstIndex(of: "["), let close = text.firstIndex(of: "]") else { return nil }
        return UInt64(text[text.index(after: open)..<close])
    }
}
