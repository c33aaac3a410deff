#if canImport(Glibc)
import Glibc
#endif

extension Kernel {
    /// How `sigprocmask` changes the mask: add the signals to it, or make it exactly them.
    public enum SignalMaskChange: Int32, Sendable {
        case block = 0  // SIG_BLOCK
        case set = 2    // SIG_SETMASK

        var straceName: String { self == .block ? "SIG_BLOCK" : "SIG_SETMASK" }
    }

    /// Changes which signals the calling thread holds back, and returns the mask it had.
    /// A blocked signal is not lost: it stays pending and takes effect once unblocked —
    /// which is how a short critical section gets to finish its clean-up first.
    /// The corresponding C function is `pthread_sigmask` (the system call `rt_sigprocmask`).
    @discardableResult
    public static func sigprocmask(_ change: SignalMaskChange, _ signals: sigset_t,
                                   note: String) throws(KernelError) -> sigset_t {
        var set = signals
        var previous = sigset_t()
        try traced("rt_sigprocmask", [change.straceName, signalList(set), signalList(previous), "8"], note: note) {
            let result = pthread_sigmask(change.rawValue, &set, &previous)
            if result != 0 { errno = result }
            return result == 0 ? 0 : -1
        }
        return previous
    }

    /// A signal set for `sigprocmask`.
    public static func signalSet(_ signals: [Int32]) -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        return set
    }

    /// `[INT TERM]`, as strace prints a signal set.
    private static func signalList(_ set: sigset_t) -> String {
        var set = set
        let names = Signals.table.filter { sigismember(&set, $0.0) == 1 }.map { String($0.1.dropFirst(3)) }
        return "[" + names.joined(separator: " ") + "]"
    }
}
