#if canImport(Glibc)
import Glibc
#endif
import CLinux

/// A program to start through the C fork+exec trampoline.
public struct SpawnRequest: Sendable {
    public var path: String
    public var argv: [String]
    public var environment: [String]
    /// `descriptors[i]` is the parent's descriptor that becomes descriptor i in the
    /// child; -1 opens /dev/null there. Every other descriptor is closed on exec.
    public var descriptors: [Int32]
    /// When set, the child waits for one byte on this descriptor before it execs.
    public var goDescriptor: Int32?
    /// Start the child in a session of its own (no controlling terminal).
    public var newSession: Bool
    /// With `newSession`: make descriptor 0, a terminal, the session's controlling terminal.
    public var controllingTerminal = false

    public init(path: String, argv: [String], environment: [String],
                descriptors: [Int32] = [0, 1, 2], goDescriptor: Int32? = nil,
                newSession: Bool = false) {
        self.path = path
        self.argv = argv
        self.environment = environment
        self.descriptors = descriptors
        self.goDescriptor = goDescriptor
        self.newSession = newSession
    }
}

/// A child started by `Kernel.spawn` whose execve may still be pending.
public struct SpawnedProcess: Sendable {
    public let pid: pid_t
    let request: SpawnRequest
    let execStatusFD: Int32

    /// Waits until the child has exec'd (or failed to). On failure the child has
    /// exited and is reaped, and the errno of execve is thrown.
    public func awaitExec(note: String) throws(KernelError) {
        var code: Int32 = 0
        var n: Int
        repeat { n = Glibc.read(execStatusFD, &code, 4) } while n < 0 && errno == EINTR
        Glibc.close(execStatusFD)
        let failed = n == 4
        let time = execTime()
        if failed { _ = try? Kernel.wait(pid, note: "reap the child whose exec failed") }
        Kernel.reportExec(pid: pid, Kernel.execArgs(quotedPath: StraceFormat.quote(request.path), argv: request.argv,
                                                    environmentCount: request.environment.count),
                          failure: failed ? Errno(code) : nil, time: time, note: note)
        if failed {
            throw KernelError(call: "execve(\(StraceFormat.quote(request.path)))", errno: Errno(code))
        }
    }

    /// When the child's execve happened. A child with no go-ahead to wait for execs
    /// while our clone waits (CLONE_VFORK): just after the clone began. One that waited
    /// for our go-ahead execs after it, so after our latest traced call (the write of
    /// the go byte, or later when the go-ahead went untraced).
    private func execTime() -> UInt64 {
        let tracer = Tracer.shared
        guard tracer.isOn, let afterClone = tracer.childExecTime(pid) else { return 0 }
        return request.goDescriptor == nil ? afterClone : max(afterClone, tracer.lastCallTime + 1)
    }
}

extension Kernel {
    /// Starts a program: fork and execve done entirely in C (see CLinux/spawn.c), so
    /// that no Swift runs in the child of a process that may have several threads. A
    /// child that need not wait for a go-ahead borrows our memory until it execs
    /// (`CLONE_VM | CLONE_VFORK` on a small stack of its own, as posix_spawn does).
    /// The corresponding C functions are `clone` (or `fork`) and `execve`.
    public static func spawn(_ request: SpawnRequest, note: String) throws(KernelError) -> SpawnedProcess {
        var statusFD: Int32 = -1
        let args = request.goDescriptor == nil ? ["child_stack=…", "flags=CLONE_VM|CLONE_VFORK|SIGCHLD"] : forkArgs
        let pid = try traced("clone", args, note: note) {
            withCStrings(request.argv) { argv in
                withCStrings(request.environment) { env in
                    Int(dl_spawn(request.path, argv, env, request.descriptors,
                                 Int32(request.descriptors.count), request.goDescriptor ?? -1,
                                 (request.newSession ? DL_SPAWN_SETSID : 0)
                                    | (request.controllingTerminal ? DL_SPAWN_CONTROLLING_TTY : 0), &statusFD))
                }
            }
        }
        if Tracer.shared.isOn { Tracer.shared.noteSpawn(Int32(pid), at: Tracer.shared.lastCallTime) }
        return SpawnedProcess(pid: pid_t(pid), request: request, execStatusFD: statusFD)
    }

    /// Creates a pipe; both ends close on exec.
    /// The corresponding C function is `pipe2`.
    public static func pipe(note: String) throws(KernelError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        try traced("pipe2", ["[\(fds[0]), \(fds[1])]", "O_CLOEXEC"], note: note) {
            Int(dl_pipe2(&fds, O_CLOEXEC))
        }
        return (fds[0], fds[1])
    }
}
