#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock held on a lock file for the length of `body`. The kernel
/// drops it when the descriptor closes, so a killed dockling never leaves it held.
public enum FileLock {
    public static func withLock<T>(_ path: String, note: String, _ body: () throws -> T) throws -> T {
        let fd = try Kernel.open(path, [.readWrite, .create, .closeOnExec], mode: 0o600, note: "open \(path)")
        defer { Glibc.close(fd) }
        try Kernel.flockExclusive(fd, note: note)
        return try body()
    }
}
