#if canImport(Glibc)
import Glibc
#endif

/// A command run on the host's own filesystem, with no namespaces, inside a new cgroup:
/// the cgroups concept on its own, as `dockling-cgroups` shows it.
public struct LimitedCommand {
    public var arguments: [String]
    public var limits: CgroupLimits
    /// The cgroup is `dockling-<name>`.
    public var name: String
    public var environment: [String: String]

    public init(arguments: [String], limits: CgroupLimits, name: String,
                environment: [String: String] = ProcessEnvironment.current) {
        self.arguments = arguments
        self.limits = limits
        self.name = name
        self.environment = environment
    }

    /// Creates the cgroup, runs the command in it, and removes it once every process in
    /// it has ended — on success, on failure, and on Ctrl-C or SIGTERM.
    public func run() throws -> LimitedCommandResult {
        Tracer.shared.step = "cgroups"
        let path = try executablePath()
        // From here on Ctrl-C, SIGTERM and their kin wait their turn in `supervise`, so
        // none of them can end dockling half-way through creating or removing a cgroup.
        let gate = SignalGate()
        let session = try CgroupSession.create(name: name, limits: limits)
        do {
            let started = ContinuousClock.now
            let child = try launch(path, in: session)
            let (status, stopSignal) = try supervise(child, session: session, gate: gate)
            let elapsed = started.duration(to: .now)
            let leftovers = try session.killAll()
            let stats = session.stats()
            try session.remove()
            return LimitedCommandResult(status: status, stats: stats, elapsed: elapsed, leftovers: leftovers,
                                        limits: limits, notes: session.notes, stopSignal: stopSignal)
        } catch {
            session.discard()
            throw error
        }
    }

    /// Searches PATH as a shell would: the trampoline execs a path, not a name.
    private func executablePath() throws -> String {
        guard let command = arguments.first else {
            throw UsageError(step: "cgroups", "no command to run", hint: "give it after --, as in -- sh -c 'echo hi'")
        }
        let found = Path.lookup(command, path: environment["PATH"]) { candidate in
            (try? Kernel.access(candidate, .executable, note: "is the command here? (a search along PATH, as a shell does)")) != nil
        }
        guard let found else { throw CommandNotRunnable(command: command, errno: nil) }
        return found
    }

    /// Starts the child held before exec, moves it into the cgroup, lets it exec: so no
    /// instruction of the command runs outside its limits. Returns the command's pid.
    private func launch(_ path: String, in session: CgroupSession) throws -> pid_t {
        let go = try Kernel.pipe(note: "the child waits on this pipe before it execs, until it is in its cgroup")
        let closeGo = {
            try? Kernel.close(go.read, note: "the go-ahead pipe has done its work")
            try? Kernel.close(go.write, note: "the go-ahead pipe has done its work")
        }
        let child: SpawnedProcess
        do {
            child = try Kernel.spawn(
                SpawnRequest(path: path, argv: arguments, environment: ProcessEnvironment.entries(environment),
                             goDescriptor: go.read),
                note: "start the command; it waits for the go-ahead before it execs")
        } catch {
            closeGo()
            throw error
        }
        do {
            try session.add(pid: child.pid)
            // The parent still holds the read end, so this write cannot raise SIGPIPE
            // even if the child has died meanwhile.
            try Kernel.write(go.write, "1", note: "go: the child is in its cgroup, so the command is limited from its first instruction")
            closeGo()
        } catch {
            closeGo()
            try? Kernel.kill(child.pid, SIGKILL, note: "the command could not join its cgroup: stop it before it runs")
            try? Kernel.close(child.execStatusFD, note: "the child will never exec: its exec report is not needed")
            _ = try? Kernel.wait(child.pid, note: "reap the stopped child")
            throw error
        }
        do throws(KernelError) {
            try child.awaitExec(note: "the command runs inside its cgroup")
        } catch {
            throw CommandNotRunnable(command: path, errno: error.errno)
        }
        return child.pid
    }

    /// Waits for the command, taking signals one at a time. Ctrl-C and Ctrl-\ are left
    /// alone, as system(3) leaves them: the terminal sends them to the command too, and
    /// dockling stays to clean up after it. SIGTERM and SIGHUP (`kill`, a closed terminal)
    /// make dockling kill every process in the cgroup. Returns how the command ended and
    /// the signal that stopped dockling, if one did.
    private func supervise(_ child: pid_t, session: CgroupSession,
                           gate: SignalGate) throws -> (WaitStatus, stopSignal: Int32?) {
        var stopSignal: Int32?
        while true {
            let signal = gate.next()
            if signal == SIGCHLD {
                if let status = try Kernel.reapIfExited(child, note: "the command has ended") {
                    return (status, stopSignal)
                }
            } else if signal == SIGTERM || signal == SIGHUP, stopSignal == nil {
                stopSignal = signal
                Tracer.shared.say("\(Signals.name(signal)) received: kill every process in the cgroup, then remove it")
                try session.killAll()
            }
        }
    }
}
