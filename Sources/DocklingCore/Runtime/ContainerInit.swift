import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The child side of the process model, run by `dockling-init`: a freshly exec'd,
/// single-threaded process (no Dispatch, no async), because the kernel refuses
/// CLONE_NEWUSER to a process that has several threads.
///
/// It clones the container's first process straight into its new namespaces (the
/// kernel makes the user namespace first, and it owns the others) — but for a store
/// container's cgroup namespace, which the container makes after joining its cgroup,
/// and a network namespace its monitor made ahead — reports that pid to the parent,
/// and waits for it. It stays in the host's namespaces itself, so that it
/// can watch the container from outside, like a container runtime's shim.
public enum ContainerInit {
    /// Descriptors the parent hands over: the spec, and a pipe each way.
    public static let specFD: Int32 = 3
    public static let toParentFD: Int32 = 4
    public static let fromParentFD: Int32 = 5
    /// The trace sink, when the parent traces.
    public static let traceFD: Int32 = 6

    /// Signals the middle process ignores: the parent decides what Ctrl-C means.
    /// SIGPIPE too: a reader of our output going away must not kill the monitor.
    static let ignored: [Int32] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE]

    public static func main() -> Never {
        let toParent = SyncChannel(fd: toParentFD)
        // `dockling-init <id>`: the container is still being made; start on its cgroup.
        let groundwork = CommandLine.arguments.count == 2
            ? try? MonitorGroundwork(containerID: CommandLine.arguments[1]) : nil
        Tracer.shared.step = "namespaces"
        let spec: InitSpec
        do {
            let bytes = Kernel.readToEnd(specFD) ?? []
            // A parent that started us ahead of time and then failed sends nothing.
            if bytes.isEmpty {
                groundwork?.discard()
                exit(0)
            }
            spec = try JSONDecoder().decode(InitSpec.self, from: Data(bytes))
        } catch {
            groundwork?.discard()
            fail(toParent, code: 125, "init: cannot read the container spec: \(error)")
        }
        Glibc.close(specFD)
        // Only the monitor of the container it was made for has a use for the ground work.
        var ready = groundwork
        if let groundwork, groundwork.containerID != spec.monitor?.containerID {
            groundwork.discard()
            ready = nil
        }
        do {
            if let target = spec.join {
                exit(try ContainerJoin(spec: spec, target: target).run(toParent: toParent).exitCode)
            }
            let monitor = try spec.monitor.map { try ContainerMonitor($0, groundwork: ready) }
            let child = try startContainer(spec, monitor: monitor, toParent: toParent)
            Glibc.close(toParentFD)
            Glibc.close(fromParentFD)
            let status = try monitor?.watch(child)
                ?? Kernel.wait(child, note: "wait for the container's first process to end")
            exit(status.exitCode)
        } catch {
            fail(toParent, error)
        }
    }

    /// Clones the container's first process into its namespaces and tells the parent its
    /// pid. The process joins its cgroup, then waits for the parent's go-ahead before exec.
    private static func startContainer(_ spec: InitSpec, monitor: ContainerMonitor?,
                                       toParent: SyncChannel) throws -> pid_t {
        for signal in ignored { Glibc.signal(signal, SIG_IGN) }
        if spec.dieWithParent { try dieWithParent() }
        Tracer.shared.step = "namespaces"
        let handoff: ContainerHandoff?
        let pid: pid_t
        do {
            handoff = try monitor?.handoff(for: spec)
            let notCloned = handoff?.notCloned ?? []
            pid = try Kernel.clone(NamespaceKind.flags(spec.namespaces.filter { !notCloned.contains($0) }), note: spec.has(.pid)
                ? "the container's first process, born in its new namespaces: PID 1 of the new PID namespace"
                : "the container's first process, born in its new namespaces")
        } catch {
            monitor?.abandon("\(error)")
            throw error
        }
        if pid == 0 { ContainerProcess.run(spec, handoff: handoff) }
        if let handoff { monitor?.adopt(pid, handoff: handoff) }
        do {
            try toParent.send(.containerPID(pid), note: "tell the parent the container's host pid")
            try monitor?.recordRunning(pid)
        } catch {
            _ = Glibc.kill(pid, SIGKILL)
            _ = try? Kernel.wait(pid, note: "reap the container that could not be set up")
            monitor?.abandon("\(error)")
            throw error
        }
        return pid
    }

    static func dieWithParent() throws(KernelError) {
        try Kernel.prctl(1 /* PR_SET_PDEATHSIG */, name: "PR_SET_PDEATHSIG", UInt(SIGKILL), argText: "SIGKILL",
                         note: "if the process that started us dies, the kernel kills us too")
    }

    /// Reports `error` to the parent and exits (see `report`).
    static func fail(_ channel: SyncChannel, _ error: any Error) -> Never {
        let (code, message) = report(error, step: Tracer.shared.step)
        fail(channel, code: code, message)
    }

    /// What the parent prints, and the exit code: a DocklingFailure names its own step
    /// and code; any other error is the current step's, 125.
    static func report(_ error: any Error, step: String) -> (code: Int32, message: String) {
        if let failure = error as? DocklingFailure { return (failure.exitCode, failure.description) }
        return (125, "\(step): \(error)")
    }

    /// Reports a failure to the parent (which prints it) and exits.
    static func fail(_ channel: SyncChannel, code: Int32, _ message: String) -> Never {
        let oneLine = message.replacing("\n", with: " ")
        try? channel.send(.failed(code: code, message: oneLine), note: "report the failure to the parent")
        exit(code)
    }
}
