#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C, `kill`, a closed terminal: the signals that end a dockling command. Held
/// back around a critical section, they stay pending and take effect once it is over —
/// so that it is never left half-done.
public enum Interrupts {
    public static let signals: [Int32] = [SIGHUP, SIGINT, SIGQUIT, SIGTERM]

    /// Holds them back; returns the mask to give back to `release`.
    public static func hold(note: String) throws(KernelError) -> sigset_t {
        try Kernel.sigprocmask(.block, Kernel.signalSet(signals), note: note)
    }

    /// Lets them in again: one that arrived meanwhile takes effect now.
    public static func release(_ previous: sigset_t, note: String) {
        _ = try? Kernel.sigprocmask(.set, previous, note: note)
    }

    /// Runs `body` with them held back.
    public static func holding<T>(note: String, _ body: () throws -> T) throws -> T {
        let previous = try hold(note: note)
        defer { release(previous, note: "done: let a pending Ctrl-C or kill in") }
        return try body()
    }
}
