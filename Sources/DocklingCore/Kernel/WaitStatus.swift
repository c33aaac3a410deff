import CLinux

/// How a child process ended.
public enum WaitStatus: Equatable, Sendable {
    case exited(Int32)
    case signaled(Int32)

    init(raw: Int32) {
        if dl_wifsignaled(raw) != 0 {
            self = .signaled(dl_wtermsig(raw))
        } else {
            self = .exited(dl_wexitstatus(raw))
        }
    }

    /// The shell's (and docker's) exit code: the code itself, or 128+N for signal N.
    public var exitCode: Int32 {
        switch self {
        case .exited(let code): return code
        case .signaled(let signal): return 128 + signal
        }
    }

    /// `[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]`, as strace prints the status word.
    var straceDescription: String {
        switch self {
        case .exited(let code): return "[{WIFEXITED(s) && WEXITSTATUS(s) == \(code)}]"
        case .signaled(let signal): return "[{WIFSIGNALED(s) && WTERMSIG(s) == \(Signals.name(signal))}]"
        }
    }
}
