#if canImport(Glibc)
import Glibc
#endif

/// Signals a waiting parent handles synchronously: they are blocked before any child
/// starts (children get a clean mask from the trampoline), then taken one at a time
/// with sigwaitinfo, so no handler ever runs in the middle of Swift code.
public struct SignalGate {
    /// Ctrl-C, Ctrl-\, kill, a closed terminal, and a child that ended.
    public static let watched: [Int32] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGCHLD]

    private var set = sigset_t()

    /// Blocks the watched signals on the calling thread (and threads it starts later).
    public init() {
        sigemptyset(&set)
        for signal in Self.watched { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Waits for the next watched signal.
    public func next() -> Int32 {
        var local = set
        while true {
            let signal = sigwaitinfo(&local, nil)
            if signal > 0 { return signal }
        }
    }
}
