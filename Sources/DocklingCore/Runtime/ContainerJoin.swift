#if canImport(Glibc)
import Glibc
#endif

/// `docker exec`, in dockling-init: a second process in a running container. It joins
/// the container's cgroup, then all its namespaces at once through a pidfd of its
/// PID 1, and forks — the PID namespace applies only to children — so the child is a
/// process of the container. With -t, the child opens a pty in the container's devpts
/// and passes the master back; this process moves the bytes between it and its own
/// terminal.
struct ContainerJoin {
    let spec: InitSpec
    let target: pid_t

    static let namespaces: [NamespaceKind] = [.mount, .uts, .ipc, .net, .pid, .cgroup]

    func run(toParent: SyncChannel) throws -> WaitStatus {
        Tracer.shared.step = "exec"
        try joinCgroup()
        let userEnds = spec.tty ? TerminalRelay.userEnds() : nil
        let pidfd = try Kernel.pidfdOpen(target, note: "a handle on the container's PID 1 that no pid reuse can fool")
        // A container with a user namespace (--userns=remap): join it too, first (the kernel does).
        let userNamespace = NamespaceIdentity.inode(of: .user, pid: String(target)) != NamespaceIdentity.inode(of: .user)
        try Kernel.setns(pidfd, kind: NamespaceKind.flags(Self.namespaces + (userNamespace ? [.user] : [])),
                         note: "enter every namespace of the container at once (the pidfd names them all)")
        Glibc.close(pidfd)
        let pair = spec.tty ? try Kernel.socketPair(note: "-t: the exec'd process will send its pty's master over this") : nil
        let child = try Kernel.fork(note: "the new PID namespace applies to children: this one is in the container")
        if child == 0 {
            let stdio = pair.map { ContainerStdio.terminal(socket: $0.1) }
            ContainerProcess.execJoined(spec, stdio: stdio, userNamespace: userNamespace)
        }
        try toParent.send(.containerPID(child), note: "tell dockling exec the new process's host pid")
        Glibc.close(ContainerInit.toParentFD)
        Glibc.close(ContainerInit.fromParentFD)
        if let pair {
            Glibc.close(pair.1)
            if let master = try? Kernel.receiveDescriptor(over: pair.0, note: "the exec'd process's pty master"),
               let userEnds {
                TerminalRelay(master: master, input: userEnds.input, output: userEnds.output).run()
            }
        }
        return try Kernel.wait(child, note: "the exec'd command has ended")
    }

    /// Moves this process into the container's cgroup in every hierarchy, so the
    /// command counts against the container's limits.
    private func joinCgroup() throws {
        let layout = try CgroupLayout(mountinfo: Kernel.readFile("/proc/self/mountinfo"),
                                      procSelfCgroup: Kernel.readFile("/proc/\(target)/cgroup")) { try? Kernel.readFile($0) }
        let v1 = Set(layout.v1Directories.values).sorted().map { CgroupEntry.file(in: $0, version: .v1) }
        let v2 = [layout.v2Directory].compactMap { $0 }.map { CgroupEntry.file(in: $0, version: .v2) }
        try CgroupEntry.open(v1 + v2, note: "a file of the container's cgroup, to write ourselves into").enter()
    }
}
