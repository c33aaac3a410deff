#if canImport(Glibc)
import Glibc
#endif
import CLinux

extension Kernel {
    /// What fork(2) is, as strace shows glibc making it.
    static let forkArgs = ["child_stack=NULL", "flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD"]

    /// Creates a child process: returns its pid in the parent and 0 in the child.
    /// Only for single-threaded processes (dockling-init); others use `spawn`.
    /// The corresponding C function is `fork`.
    public static func fork(note: String) throws(KernelError) -> pid_t {
        let pid = dl_fork()
        // strace shows one clone(2) line, in the parent: the child stays silent.
        if pid == 0 { return 0 }
        return pid_t(try traced("clone", forkArgs, note: note) { Int(pid) })
    }

    /// Replaces this process's program. Returns only on failure.
    ///
    /// A successful execve never returns, so the process that makes it cannot trace its
    /// result. When `witnessed`, someone else will: the parent that reads our close-on-exec
    /// pipe, whose end of file says the exec happened (see `reportExec`); this process then
    /// traces only a failure, with its errno. Otherwise the call is announced before it is
    /// made, with no result, and a failure follows as a second event.
    /// The corresponding C function is `execve`.
    public static func execve(_ path: String, argv: [String], env: [String], witnessed: Bool = false,
                              note: String) -> Errno {
        let args = execArgs(quotedPath: StraceFormat.quote(path), argv: argv, environmentCount: env.count)
        if !witnessed { announce("execve", args, note: note) }
        withCStrings(argv) { cArgv in
            withCStrings(env) { cEnv in _ = Glibc.execve(path, cArgv, cEnv) }
        }
        let failure = Errno.current
        reportExec(pid: getpid(), args, failure: failure, note: witnessed ? note : "the exec failed")
        return failure
    }

    /// Traces an execve whose outcome is now known: made by `pid` (this process, after
    /// a failure; or a child, once its exec-status pipe has told), with result 0 or the
    /// errno, as strace shows it; filed under `step`, else the current one. `time` is
    /// when the exec happened, when the reporter knows it better than "now" (a child's
    /// exec happened before the parent learns of it: see `ChildClocks`).
    public static func reportExec(pid: pid_t, _ args: [String], failure: Errno?, step: String? = nil,
                                  time: UInt64 = 0, note: String) {
        let tracer = Tracer.shared
        guard tracer.isOn else { return }
        tracer.emit(TraceEvent(pid: pid, step: step ?? tracer.step, call: "execve", args: args,
                               result: failure == nil ? 0 : -1, errno: failure?.name, note: note, time: time))
    }

    /// An execve's arguments as strace shows them: the path (quoted already), argv, and
    /// the count of the environment's variables (their values are the command's business).
    public static func execArgs(quotedPath: String, argv: [String], environmentCount: Int) -> [String] {
        [quotedPath, StraceFormat.array(argv), "/* \(environmentCount) vars */"]
    }

    /// Waits for a child to end.
    /// The corresponding C function is `wait4`.
    public static func wait(_ pid: pid_t, note: String) throws(KernelError) -> WaitStatus {
        var raw: Int32 = 0
        var result: pid_t
        repeat { result = Glibc.waitpid(pid, &raw, 0) } while result == -1 && errno == EINTR
        let status = WaitStatus(raw: raw)
        try traced("wait4", [String(pid), result > 0 ? status.straceDescription : "0x0", "0", "NULL"],
                   note: note) { Int(result) }
        return status
    }

    /// Sends a signal to a process.
    /// The corresponding C function is `kill`.
    public static func kill(_ pid: pid_t, _ signal: Int32, note: String) throws(KernelError) {
        try traced("kill", [String(pid), Signals.name(signal)], note: note) {
            Int(Glibc.kill(pid, signal))
        }
    }

    /// Whether a process with this pid exists: signal 0 is checked but never sent.
    /// EPERM says it exists but is not ours to signal; only ESRCH says it is gone.
    /// The corresponding C function is `kill`.
    public static func processExists(_ pid: pid_t, note: String) -> Bool {
        do throws(KernelError) {
            try traced("kill", [String(pid), "0"], note: note) { Int(Glibc.kill(pid, 0)) }
            return true
        } catch {
            return error.errno != .ESRCH
        }
    }

    /// Makes the caller the leader of a new session, with no controlling terminal.
    /// The corresponding C function is `setsid`.
    @discardableResult
    public static func setsid(note: String) throws(KernelError) -> pid_t {
        pid_t(try traced("setsid", [], note: note) { Int(Glibc.setsid()) })
    }

    /// Sets an attribute of the calling process (PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS…).
    /// The corresponding C function is `prctl`.
    public static func prctl(_ option: Int32, name: String, _ arg: UInt, argText: String,
                             note: String) throws(KernelError) {
        try traced("prctl", [name, argText], note: note) { Int(dl_prctl(option, arg, 0)) }
    }

    /// Calls `body` with a NULL-terminated C array of the strings.
    static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}

extension Kernel {
    /// Reaps `pid` if it has ended, without blocking; nil while it still runs.
    /// The corresponding C function is `wait4` (with WNOHANG).
    public static func reapIfExited(_ pid: pid_t, note: String) throws(KernelError) -> WaitStatus? {
        var raw: Int32 = 0
        var result: pid_t
        repeat { result = Glibc.waitpid(pid, &raw, WNOHANG) } while result == -1 && errno == EINTR
        if result == 0 { return nil }
        let status = WaitStatus(raw: raw)
        try traced("wait4", [String(pid), result > 0 ? status.straceDescription : "0x0", "WNOHANG", "NULL"],
                   note: note) { Int(result) }
        return status
    }
}
