import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The two processes a start makes: dockling-init (the monitor) and the container's PID 1.
public struct LaunchedContainer: Sendable {
    public let monitorPID: pid_t
    public let containerPID: pid_t
}

/// The parent side of the process model: starts `dockling-init` through the C
/// trampoline, writes the container's id maps, lets it go, and waits for it.
public final class ContainerLauncher {
    /// What a signal to the waiting parent means for the container.
    public enum SignalPolicy: Sendable {
        /// Kill it (the concept tools: Ctrl-C ends the experiment).
        case kill
        /// Pass the signal on to its PID 1, as docker's sig-proxy does; a second one kills.
        case forward
    }

    public let spec: InitSpec
    /// dockling-init's stdin, stdout and stderr (-1: /dev/null).
    public var stdio: [Int32] = [0, 1, 2]
    public var signalPolicy = SignalPolicy.kill
    /// Where compiled seccomp programs are kept (nil: compile every time).
    public var seccompCache: SeccompCache?
    private let gate = SignalGate()

    public init(spec: InitSpec) { self.spec = spec }

    /// `dockling-init` beside the running executable, or `DOCKLING_INIT`.
    public static func initExecutable() -> String {
        if let path = ProcessEnvironment.value("DOCKLING_INIT") { return path }
        return Path.parent(of: Path.readLink("/proc/self/exe") ?? "") + "/dockling-init"
    }

    /// Starts the container, runs `beforeGo` while its PID 1 waits, lets it exec, and
    /// waits for the end: the command's exit code (128+N for signal N).
    public func run(beforeGo: (LaunchedContainer) throws -> Void) throws -> Int32 {
        try wait(start(beforeGo: beforeGo))
    }

    /// Starts the container and returns once its command is exec'ing.
    public func start(beforeGo: (LaunchedContainer) throws -> Void) throws -> LaunchedContainer {
        try start(InitProcess.spawn(stdio: stdio), beforeGo: beforeGo)
    }

    /// Starts the container through a dockling-init already spawned.
    public func start(_ initProcess: InitProcess, beforeGo: (LaunchedContainer) throws -> Void) throws -> LaunchedContainer {
        Tracer.shared.step = "launch"
        let child = initProcess.child
        defer { close(initProcess.upRead) }
        do {
            try child.awaitExec(note: "dockling-init is running")
        } catch {
            // It never ran, and awaitExec has reaped it.
            [initProcess.specWrite, initProcess.downWrite].forEach { _ = close($0) }
            throw StepError(step: "launch", error,
                            hint: "is \(child.request.path) built and executable? (DOCKLING_INIT names another)")
        }
        do {
            try sendSpec(to: initProcess.specWrite)
            // dockling-init makes the container meanwhile, on another CPU.
            let filter = try seccompProgram()
            Tracer.shared.step = "launch"
            let containerPID = try handshake(monitorPID: child.pid, up: SyncChannel(fd: initProcess.upRead),
                                             down: SyncChannel(fd: initProcess.downWrite), filter: filter,
                                             beforeGo: beforeGo)
            close(initProcess.downWrite)
            return LaunchedContainer(monitorPID: child.pid, containerPID: containerPID)
        } catch {
            // Without a go-ahead the container exits and dockling-init cleans up after
            // it (cgroup, state); wait for that rather than kill it half-way.
            close(initProcess.downWrite)
            _ = try? Kernel.wait(child.pid, note: "dockling-init cleans up and ends")
            throw error
        }
    }

    private func sendSpec(to fd: Int32) throws {
        defer { close(fd) }
        let json = String(decoding: try JSONCoding.encode(spec), as: UTF8.self)
        try Kernel.write(fd, json, note: "send dockling-init the container spec (JSON)")
    }

    /// Answers dockling-init until the container execs; returns the container's host pid.
    private func handshake(monitorPID: pid_t, up: SyncChannel, down: SyncChannel, filter: SeccompProgram?,
                           beforeGo: (LaunchedContainer) throws -> Void) throws -> pid_t {
        var failure: LaunchFailure?
        var containerPID: pid_t?
        var exec: (pid: Int32, quotedPath: String, time: UInt64)?
        while let message = up.receive() {
            switch message {
            case .containerPID(let pid):
                containerPID = pid
                if spec.has(.user) { try (spec.idMapping ?? .unprivileged).apply(toProcess: pid) }
                try beforeGo(LaunchedContainer(monitorPID: monitorPID, containerPID: pid))
                Tracer.shared.step = "launch"
                try down.send(.go, note: "let the container go ahead and exec its command")
                try filter?.send(over: down)
            case .failed(let code, let text):
                failure = LaunchFailure(code: code, message: text)
            case .exec(let pid, let path):
                // It execs right after telling us: stamp the exec with the moment we
                // hear of it, after everything it did before telling (see reportExec).
                exec = (pid, path, TraceClock.now())
            case .go, .seccomp:
                break
            }
        }
        if let failure { throw failure }
        // The container's end of the pipe closed on exec with no failure: the exec happened.
        if let exec {
            Kernel.reportExec(pid: exec.pid, Kernel.execArgs(quotedPath: exec.quotedPath, argv: spec.argv,
                                                             environmentCount: spec.environment.count),
                              failure: nil, step: "exec", time: exec.time,
                              note: "become the command: the sync pipe closed on exec, so it happened")
        }
        guard let containerPID else {
            throw UsageError(step: "launch", "dockling-init ended without starting the container")
        }
        return containerPID
    }

    /// Docker's seccomp profile for the container, which it gets after the go-ahead.
    private func seccompProgram() throws -> SeccompProgram? {
        guard let confinement = spec.confinement, confinement.seccomp else { return nil }
        Tracer.shared.step = "security"
        let filter = SeccompFilter(capabilities: confinement.capabilities)
        return try seccompCache.map { try $0.program(for: filter) } ?? filter.compile()
    }

    /// Waits for dockling-init (which waits for the container). What a signal does is
    /// the signal policy's business; PID 1 ignores signals it has no handler for.
    public func wait(_ launched: LaunchedContainer) throws -> Int32 {
        // A command on a terminal may run for as long as its user likes: show the trace
        // of its start now rather than when it ends.
        if isatty(0) == 1 { Tracer.shared.showSoFar() }
        Tracer.shared.step = "wait"
        var interruptedBy: Int32?
        while true {
            let signal = gate.next()
            if signal == SIGCHLD {
                if let status = try Kernel.reapIfExited(launched.monitorPID, note: "dockling-init has ended: what it started (a container, or an exec'd command) has ended") {
                    return signalPolicy == .kill ? interruptedBy.map { 128 + $0 } ?? status.exitCode : status.exitCode
                }
            } else if signalPolicy == .forward && interruptedBy == nil {
                interruptedBy = signal
                try? Kernel.kill(launched.containerPID, signal,
                                 note: "pass \(Signals.name(signal)) on to the container's PID 1, as docker does")
            } else {
                interruptedBy = signal
                try? Kernel.kill(launched.containerPID, SIGKILL, note: "\(Signals.name(signal)) received: kill the "
                                 + "container's PID 1, and with it every process of its PID namespace")
            }
        }
    }
}
