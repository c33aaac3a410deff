#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock held on a lock file for the length of `body`. The kernel
/// drops it when the descriptor closes, so a killed dockling never leaves it held.
public enum FileLock {
    public static func withLock<T>(_ path: String, note: String, _ body: () throws -> T) throws -> T {
        try holding(Kernel.open(path, [.readWrite, .create, .closeOnExec], mode: 0o600, note: "open \(path)"),
                    note: note, body)
    }

    /// The same lock, held on a directory itself: no lock file to create.
    public static func withLock<T>(directory path: String, note: String, _ body: () throws -> T) throws -> T {
        try holding(Kernel.open(path, [.readOnly, .directory, .closeOnExec], note: "open \(path)"), note: note, body)
    }

    private static func holding<T>(_ fd: Int32, note: String, _ body: () throws -> T) throws -> T {
        defer { Glibc.close(fd) }
        try Kernel.flockExclusive(fd, note: note)
        return try body()
    }

    /// Runs `body` holding the lock only if no one holds it right now; nil, without
    /// waiting, when someone does. A lock file that is not there is held by no one, and
    /// is not made: whoever asks this only looks.
    public static func ifFree<T>(_ path: String, note: String, _ body: () throws -> T) throws -> T? {
        guard let fd = try openIfPresent(path) else { return try body() }
        defer { Glibc.close(fd) }
        guard try Kernel.flockExclusiveIfFree(fd, note: note) else { return nil }
        return try body()
    }

    /// The lock file open for reading, or nil when there is none.
    private static func openIfPresent(_ path: String) throws(KernelError) -> Int32? {
        do throws(KernelError) {
            return try Kernel.open(path, [.readOnly, .closeOnExec], note: "open \(path)")
        } catch where error.errno == .ENOENT {
            return nil
        }
    }
}
