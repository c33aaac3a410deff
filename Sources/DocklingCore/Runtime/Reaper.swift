#if canImport(Glibc)
import Glibc
#endif

/// `--init`: PID 1 of a PID namespace has two jobs a normal program does not expect —
/// reaping orphans, which the kernel re-parents to it, and handling signals, since the
/// kernel delivers to PID 1 only those it has asked for. This small loop does both and
/// runs the command as its child, exiting with the command's status.
enum Reaper {
    static let forwarded: [Int32] = [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH]

    static func run(path: String, spec: InitSpec, toParent: SyncChannel) -> Never {
        Tracer.shared.step = "init"
        var set = sigset_t()
        sigemptyset(&set)
        for signal in forwarded + [SIGCHLD] { sigaddset(&set, signal) }
        sigprocmask(SIG_BLOCK, &set, nil)
        let child: pid_t
        do {
            child = try Kernel.fork(note: "--init: PID 1 stays a reaper; its child becomes the command")
        } catch {
            exit(125)
        }
        if child == 0 {
            sigprocmask(SIG_UNBLOCK, &set, nil)
            ContainerProcess.become(path, spec, toParent: toParent, note: "the command, as PID 1's child")
        }
        // The sync pipes are the child's now: their closing on its exec tells the parent
        // the command runs (PID 1 itself never execs, so it must not hold them open).
        Glibc.close(ContainerInit.toParentFD)
        Glibc.close(ContainerInit.fromParentFD)
        while true {
            var local = set
            let signal = sigwaitinfo(&local, nil)
            if signal == SIGCHLD {
                var raw: Int32 = 0
                while case let reaped = waitpid(-1, &raw, WNOHANG), reaped > 0 {
                    if reaped == child { exit(WaitStatus(raw: raw).exitCode) }
                }
            } else if signal > 0 {
                _ = Glibc.kill(child, signal)
            }
        }
    }
}
