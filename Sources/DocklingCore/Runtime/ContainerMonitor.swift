import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `dockling-init` as the watcher of a store container, outside its namespaces like a
/// runtime's shim: it makes the cgroup before the container exists, serves the attach
/// socket, copies the container's output to the json-file log and to attached clients,
/// and records how the container ended — whether or not the dockling command that
/// started it is still around.
final class ContainerMonitor {
    let spec: MonitorSpec
    let containerStdio: ContainerStdio
    private let cgroup: CgroupSession
    /// The container's way into its cgroup, opened here and written by the container.
    let cgroupEntry: CgroupEntry
    private let listener: Int32
    /// The monitor's ends: output to read, stdin to fill, the socket a pty arrives on.
    private var outputs: [(fd: Int32, kind: AttachFrame.Kind)] = []
    private var stdinSink: Int32?
    private var terminalSocket: Int32?
    /// The container's ends, closed here once it has them.
    private var containerEnds: [Int32] = []

    init(_ spec: MonitorSpec) throws {
        self.spec = spec
        Tracer.shared.step = "cgroups"
        cgroup = try CgroupSession.create(name: spec.containerID, limits: spec.cgroupLimits())
        do {
            try ContainerCgroups.record(cgroup.directories, folder: spec.store.directory(spec.containerID))
            Tracer.shared.step = "stdio"
            listener = try Kernel.listenAbstract(MonitorSpec.attachSocket(spec.containerID),
                                                 note: "the attach socket: dockling run, start -a and attach connect here")
            if spec.tty {
                let pair = try Kernel.socketPair(note: "-t: the container will send its pty's master over this")
                terminalSocket = pair.0
                containerEnds = [pair.1]
                containerStdio = .terminal(socket: pair.1)
            } else {
                let out = try Kernel.pipe(note: "the container's stdout comes to us, for the log and the clients")
                let err = try Kernel.pipe(note: "the container's stderr comes to us, kept apart from stdout")
                outputs = [(out.read, .stdout), (err.read, .stderr)]
                containerEnds = [out.write, err.write]
                var stdinRead: Int32?
                if spec.interactive {
                    let input = try Kernel.pipe(note: "-i: the container's stdin, filled from attached clients")
                    stdinSink = input.write
                    stdinRead = input.read
                    containerEnds.append(input.read)
                }
                containerStdio = .pipes(stdin: stdinRead, stdout: out.write, stderr: err.write)
            }
            Tracer.shared.step = "cgroups"
            cgroupEntry = try CgroupEntry.open(cgroup)
        } catch {
            cgroup.discard()
            throw error
        }
    }

    /// The container exists and holds its own ends (it joins its cgroup itself, before
    /// it may exec): close ours.
    func adopt() {
        cgroupEntry.close()
        containerEnds.forEach { _ = close($0) }
    }

    /// Gives up on a container that never started: its cgroup goes, its state says why.
    func abandon(_ reason: String) {
        cgroup.discard()
        _ = try? spec.store.updateState(spec.containerID) {
            $0.status = .exited
            $0.exitCode = 125
            $0.error = reason
        }
    }

    /// Relays output and input until the container's last process has closed its
    /// output, then waits for PID 1, records the end, and cleans up.
    func watch(_ child: pid_t) throws -> WaitStatus {
        let log = try JSONLogWriter(path: spec.store.directory(spec.containerID) + "/" + ContainerRecord.logFile)
        var terminal: Int32?
        if let terminalSocket {
            Tracer.shared.step = "stdio"
            terminal = try? Kernel.receiveDescriptor(over: terminalSocket, note: "the container's pty master")
            close(terminalSocket)
            if let terminal { outputs = [(terminal, .stdout)] }
        }
        let relay = AttachRelay(outputs: outputs, stdinSink: terminal ?? stdinSink, terminal: terminal,
                                listener: listener, log: log)
        relay.run()
        Tracer.shared.step = "wait"
        let status = try Kernel.wait(child, note: "the container's PID 1 has ended")
        let removed = finish(status)
        relay.finish(exitCode: status.exitCode)
        // The clients have their exit code; the disk space comes back after.
        if let removed { try? FileManager.default.removeItem(atPath: removed) }
        return status
    }

    /// Records the end, and with --rm takes the container out of every listing; returns
    /// the folder still to delete.
    private func finish(_ status: WaitStatus) -> String? {
        Tracer.shared.step = "cgroups"
        // Only a SIGKILL can be the OOM killer's: read the counters only then.
        let oomKilled = status == .signaled(SIGKILL) && (cgroup.stats().oomKills ?? 0) > 0
        cgroup.discard()
        // A --rm container leaves no record to read: its exit code goes to the clients.
        if spec.autoRemove { return try? spec.store.detach(spec.containerID) }
        _ = try? spec.store.updateState(spec.containerID) {
            $0.status = .exited
            $0.exitCode = status.exitCode
            $0.oomKilled = oomKilled
            $0.finishedAt = Timestamp.preciseNow()
        }
        return nil
    }
}
