#if canImport(Glibc)
import Glibc
#endif

/// docker's sig-proxy: a signal to the waiting `dockling run` or `attach` is passed on to
/// the container's PID 1. But the kernel gives PID 1 of a PID namespace only the signals
/// it has a handler for: `sleep` as PID 1 would never see a SIGTERM, and `timeout`,
/// `kill` or Ctrl-C could not end the container. When PID 1 does not catch a signal that
/// would end an ordinary process, dockling ends the container as that signal would
/// have: with SIGKILL, the one signal PID 1 cannot refuse.
public enum SignalProxy {
    /// Signals whose default action ends a process (the ones `AttachClient` takes).
    static let ending: Set<Int32> = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Passes `signal` on to PID 1 (`pid`, as the host sees it), or kills it.
    public static func pass(_ signal: Int32, to pid: pid_t) {
        let status = try? Kernel.readFile("/proc/\(pid)/status")
        let caught = status.map { catches(signal, status: $0) } ?? true
        if caught || !ending.contains(signal) {
            try? Kernel.kill(pid, signal, note: "pass \(Signals.name(signal)) on to the container's PID 1, as docker does")
        } else {
            try? Kernel.kill(pid, SIGKILL, note: "PID 1 has no handler for \(Signals.name(signal)), so the kernel would "
                             + "drop it: end the container as \(Signals.name(signal)) would end any other process")
        }
    }

    /// Whether the process whose /proc/PID/status this is has a handler for `signal`
    /// (its `SigCgt` mask, in hexadecimal, bit N-1 for signal N).
    static func catches(_ signal: Int32, status: String) -> Bool {
        guard let hex = ProcStatus.field("SigCgt", in: status), let mask = UInt64(hex, radix: 16) else { return true }
        return mask & (1 << UInt64(signal - 1)) != 0
    }
}
