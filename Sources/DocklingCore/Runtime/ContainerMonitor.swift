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
    private let containerStdio: ContainerStdio
    private let cgroup: CgroupSession
    /// The container's way into its cgroup, opened here and written by the container.
    private let cgroupEntry: CgroupEntry
    private let listener: Int32
    /// The monitor's ends: output to read, stdin to fill, the socket a pty arrives on.
    private var outputs: [(fd: Int32, kind: AttachFrame.Kind)] = []
    private var stdinSink: Int32?
    private var terminalSocket: Int32?
    /// The container's ends, closed here once it has them.
    private var containerEnds: [Int32] = []
    /// The container's mount namespace, held open until its exit code is out.
    private var mountNamespace: Int32?

    /// The network namespace the ground work made ahead, for the handoff to give or close.
    private let networkMadeAhead: Int32?

    /// What the container's first process takes from us across the clone. In a user
    /// namespace, root inside cannot build the union from the layers as they are on
    /// disk; we, still host root, build it here first.
    func handoff(for spec: InitSpec) throws -> ContainerHandoff {
        var union: Int32?
        if spec.has(.user), let overlay = spec.overlay {
            union = try IDMappedUnion.make(overlay, mapping: spec.idMapping ?? .unprivileged, volatile: spec.volatileOverlay)
        }
        // Only a network namespace owned by the host's user namespace is made ahead.
        let ownNetwork = spec.has(.net) && !spec.has(.user)
        if !ownNetwork, let unused = networkMadeAhead { close(unused) }
        return ContainerHandoff(stdio: containerStdio, cgroup: cgroupEntry, network: ownNetwork ? networkMadeAhead : nil,
                                union: union, makesCgroupNamespace: spec.has(.cgroup))
    }

    /// Makes what the container needs before it exists, taking what `groundwork` — made
    /// ahead for this container — has ready where that fits.
    init(_ spec: MonitorSpec, groundwork ready: MonitorGroundwork?) throws {
        self.spec = spec
        networkMadeAhead = ready?.takeNetwork()
        Tracer.shared.step = "cgroups"
        let limits: CgroupLimits
        do {
            limits = try spec.cgroupLimits()
        } catch {
            ready?.discard()
            throw error
        }
        cgroup = try ready?.cgroup(fitting: limits) ?? CgroupSession.create(name: spec.containerID, limits: limits)
        do {
            Tracer.shared.step = "stdio"
            listener = try ready?.listener ?? MonitorSpec.listen(containerID: spec.containerID)
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
    /// it may exec): close ours. Hold its mount namespace: when the last process of a
    /// mount namespace exits, the kernel unmounts everything in it on the way out, and
    /// waits for RCU grace periods to do so — before the exit can be reaped. Held here,
    /// that teardown happens when we let go, after the exit code has been reported.
    func adopt(_ child: pid_t, handoff: ContainerHandoff) {
        handoff.cgroup.close()
        containerEnds.forEach { _ = close($0) }
        // The container holds these now; ours would keep them alive after it ends.
        [handoff.network, handoff.union].compactMap { $0 }.forEach { _ = close($0) }
        Tracer.shared.step = "namespaces"
        mountNamespace = try? Kernel.open("/proc/\(child)/ns/mnt", [.readOnly, .closeOnExec],
                                          note: "hold the container's mount namespace: its teardown waits until the exit code is out")
    }

    /// Records that the container runs: its pid, ours (to tell a live monitor from a
    /// reused pid), and when; and where its cgroups are, for whoever cleans up if we
    /// are killed. The parent is letting it go meanwhile.
    func recordRunning(_ child: pid_t) throws {
        Tracer.shared.step = "cgroups"
        try ContainerCgroups.record(cgroup.directories, folder: spec.store.directory(spec.containerID))
        Tracer.shared.step = "state"
        let monitorPID = getpid()
        try spec.store.updateState(spec.containerID) {
            $0 = ContainerState(status: .running, pid: child, monitorPID: monitorPID,
                                monitorStartTime: ContainerLiveness.startTime(of: monitorPID),
                                startedAt: Timestamp.preciseNow())
        }
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
        // Lesson 07's state step: the monitor records how the container ended.
        Tracer.shared.step = "state"
        let status = try Kernel.wait(child, note: "the container's PID 1 has ended")
        finish(status, relay: relay)
        return status
    }

    /// Records the end and tells the clients the exit code. A --rm container leaves
    /// every listing at once, and no record: its mounts, cgroup and disk space come
    /// back after its exit code is out. Any other may be started again as soon as its
    /// state says it has exited, so it lets go of them first.
    private func finish(_ status: WaitStatus, relay: AttachRelay) {
        // Only a SIGKILL can be the OOM killer's: read the counters only then.
        Tracer.shared.step = "cgroups"
        let oomKilled = status == .signaled(SIGKILL) && (cgroup.stats().oomKills ?? 0) > 0
        guard spec.autoRemove else {
            release()
            _ = try? spec.store.updateState(spec.containerID) {
                $0.status = .exited
                $0.exitCode = status.exitCode
                $0.oomKilled = oomKilled
                $0.finishedAt = Timestamp.preciseNow()
            }
            relay.finish(exitCode: status.exitCode)
            return
        }
        let removed = try? spec.store.detach(spec.containerID)
        relay.finish(exitCode: status.exitCode)
        // The exit code is out and the container gone from every listing. Its mounts go
        // first, at our usual priority: the kernel takes them down holding the lock every
        // mount on the machine needs (namespace_sem), which a process at SCHED_IDLE could
        // hold for long without a CPU while containers start. Nobody waits for the rest.
        letGoOfMounts()
        try? Kernel.scheduleWhenIdle(note: "clean up only on a CPU nothing else wants")
        Tracer.shared.step = "cgroups"
        cgroup.removeEmptied()
        if let removed { try? FileManager.default.removeItem(atPath: removed) }
    }

    /// Lets go of the container's mount namespace (the kernel unmounts its root then)
    /// and removes its cgroup, which its PID 1's end has emptied.
    private func release() {
        letGoOfMounts()
        Tracer.shared.step = "cgroups"
        cgroup.removeEmptied()
    }

    /// Closes our hold on the container's mount namespace: its last reference, so the
    /// kernel unmounts everything in it now.
    private func letGoOfMounts() {
        if let mountNamespace {
            try? Kernel.close(mountNamespace, note: "let go of the mount namespace: the kernel unmounts the container's root now")
        }
    }
}
