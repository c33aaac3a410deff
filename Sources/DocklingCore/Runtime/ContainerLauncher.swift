import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The parent side of the process model: starts `dockling-init` through the C
/// trampoline, writes the container's id maps, lets it go, and waits for it.
public final class ContainerLauncher {
    public let spec: InitSpec
    private let gate = SignalGate()

    public init(spec: InitSpec) { self.spec = spec }

    /// `dockling-init` beside the running executable, or `DOCKLING_INIT`.
    public static func initExecutable() -> String {
        if let path = ProcessEnvironment.current["DOCKLING_INIT"] { return path }
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let me = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        return Path.parent(of: me) + "/dockling-init"
    }

    /// Starts the container and runs `beforeGo` with its host pid while it waits,
    /// (to print, or to put it in a cgroup), then lets it exec. Waits for the end and
    /// returns the command's exit code (128+N for signal N).
    public func run(beforeGo: (pid_t) throws -> Void) throws -> Int32 {
        let started = try start(beforeGo: beforeGo)
        return try wait(initPID: started.initPID, containerPID: started.containerPID)
    }

    private func start(beforeGo: (pid_t) throws -> Void) throws -> (initPID: pid_t, containerPID: pid_t) {
        Tracer.shared.step = "launch"
        let specPipe = try Kernel.pipe(note: "a pipe to send the container spec to dockling-init")
        let up = try Kernel.pipe(note: "a pipe for dockling-init to talk to us")
        let down = try Kernel.pipe(note: "a pipe for us to answer dockling-init")
        var descriptors: [Int32] = [0, 1, 2, specPipe.read, up.write, down.read]
        if Tracer.shared.isOn { descriptors.append(Tracer.shared.fd) }
        let path = Self.initExecutable()
        let child: SpawnedProcess
        do {
            child = try Kernel.spawn(SpawnRequest(
                path: path, argv: ["dockling-init"],
                environment: ProcessEnvironment.entries(Tracer.shared.childEnvironment(childFD: ContainerInit.traceFD)),
                descriptors: descriptors),
                note: "start dockling-init: a fresh single-threaded process to make the namespaces")
        } catch {
            [specPipe.read, specPipe.write, up.read, up.write, down.read, down.write].forEach { _ = close($0) }
            throw StepError(step: "launch", error, hint: "is \(path) built and executable?")
        }
        [specPipe.read, up.write, down.read].forEach { _ = close($0) }
        defer { [up.read, down.write].forEach { _ = close($0) } }
        do {
            try child.awaitExec(note: "dockling-init is running")
            try sendSpec(to: specPipe.write)
            let containerPID = try handshake(initPID: child.pid, up: SyncChannel(fd: up.read),
                                             down: SyncChannel(fd: down.write), beforeGo: beforeGo)
            return (child.pid, containerPID)
        } catch {
            _ = Glibc.kill(child.pid, SIGKILL)
            _ = try? Kernel.wait(child.pid, note: "reap dockling-init after a failed start")
            throw error
        }
    }

    private func sendSpec(to fd: Int32) throws {
        defer { close(fd) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(spec), as: UTF8.self)
        try Kernel.write(fd, json, note: "send dockling-init the container spec (JSON)")
    }

    /// Answers dockling-init until the container execs; returns the container's host pid.
    private func handshake(initPID: pid_t, up: SyncChannel, down: SyncChannel,
                           beforeGo: (pid_t) throws -> Void) throws -> pid_t {
        var failure: LaunchFailure?
        var containerPID: pid_t?
        while let message = up.receive() {
            switch message {
            case .containerPID(let pid):
                containerPID = pid
                if spec.has(.user) { try (spec.idMapping ?? .unprivileged).apply(toProcess: pid) }
                try beforeGo(pid)
                Tracer.shared.step = "launch"
                try down.send(.go, note: "let the container go ahead and exec its command")
            case .failed(let code, let text):
                failure = LaunchFailure(code: code, message: text)
            case .go:
                break
            }
        }
        if let failure { throw failure }
        guard let containerPID else {
            throw UsageError(step: "launch", "dockling-init ended without starting the container")
        }
        return containerPID
    }

    /// Waits for dockling-init (which waits for the container). Ctrl-C, SIGTERM or a
    /// closed terminal kill the container, whose PID 1 ignores signals it has no handler for.
    private func wait(initPID: pid_t, containerPID: pid_t) throws -> Int32 {
        Tracer.shared.step = "wait"
        var interruptedBy: Int32?
        while true {
            let signal = gate.next()
            if signal == SIGCHLD {
                if let status = try Kernel.reapIfExited(initPID, note: "the container has ended") {
                    return interruptedBy.map { 128 + $0 } ?? status.exitCode
                }
            } else if interruptedBy == nil {
                interruptedBy = signal
                try? Kernel.kill(containerPID, SIGKILL, note: "\(Signals.name(signal)) received: kill the container's "
                                 + "PID 1, and with it every process of its PID namespace")
            }
        }
    }
}
