#if canImport(Glibc)
import Glibc
#endif

/// The container's first process, between fork and exec: it waits for the parent's
/// go-ahead, builds its view of the world (root filesystem, hostname, network), and
/// becomes the command.
enum ContainerProcess {
    static func run(_ spec: InitSpec, handoff: ContainerHandoff?) -> Never {
        becomeCommand(spec, stdio: handoff?.stdio) {
            if let network = handoff?.network {
                Tracer.shared.step = "namespaces"
                try Kernel.setns(network, kind: .newNet, note: "enter the network namespace our monitor made ahead")
                close(network)
            }
            if let handoff {
                Tracer.shared.step = "cgroups"
                try handoff.cgroup.enter()
                if handoff.makesCgroupNamespace {
                    try Kernel.unshare(.newCgroup, note: "a cgroup namespace made after joining: /proc/self/cgroup shows our cgroup as /")
                }
            }
            try handoff?.stdio.connectPipes()
            guard SyncChannel(fd: ContainerInit.fromParentFD).receive() == .go else { exit(125) }
            if spec.has(.user) { try becomeRoot() }
            // The kernel clears the parent-death signal when credentials change, so it
            // is armed only after becomeRoot.
            if spec.dieWithParent { try ContainerInit.dieWithParent() }
            if spec.has(.mount), let rootfs = spec.rootfs {
                try RootfsSetup(spec: spec, rootfs: rootfs, union: handoff?.union).enter()
            }
            Tracer.shared.step = "namespaces"
            if spec.has(.uts) {
                try Kernel.sethostname(spec.hostname ?? "dockling",
                                       note: "name this UTS namespace; the host keeps its own name")
            }
            if spec.has(.net) {
                try Kernel.setLinkUp("lo", note: "a new network namespace has only lo, and it starts down")
            }
        }
    }

    /// `exec`: a process that joined a running container (and its user namespace, if
    /// it has one) waits for the go-ahead, then becomes the command like the
    /// container's first process did.
    static func execJoined(_ spec: InitSpec, stdio: ContainerStdio?, userNamespace: Bool) -> Never {
        becomeCommand(spec, stdio: stdio) {
            guard SyncChannel(fd: ContainerInit.fromParentFD).receive() == .go else { exit(125) }
            if userNamespace { try becomeRoot() }
        }
    }

    /// Runs `prepare`, then takes the terminal, user and working directory and execs
    /// the command; any failure is reported to the parent with docker's exit code.
    private static func becomeCommand(_ spec: InitSpec, stdio: ContainerStdio?, prepare: () throws -> Void) -> Never {
        let toParent = SyncChannel(fd: ContainerInit.toParentFD)
        do {
            try prepare()
            try stdio?.openTerminal()
            let confinement = spec.confinement.map(ConfinementSteps.init)
            try confinement?.beforeUserSwitch()
            if let user = spec.user { try UserSwitch.resolve(user).apply() }
            try Kernel.chdir(spec.workingDirectory, note: "start the command in its working directory")
            try confinement?.beforeExec()
        } catch {
            ContainerInit.fail(toParent, error)
        }
        exec(spec, toParent: toParent)
    }

    /// A process born in a new user namespace (or that joined one) has a host uid that
    /// is not mapped there, so it shows as the overflow user; once the maps are
    /// written, become root there (host uid 100000) with no supplementary groups.
    private static func becomeRoot() throws(KernelError) {
        Tracer.shared.step = "namespaces"
        try Kernel.setgroups([], note: "drop the host's supplementary groups")
        try Kernel.setresgid(0, note: "become gid 0 inside (an unprivileged gid on the host)")
        try Kernel.setresuid(0, note: "become root inside (an unprivileged uid on the host)")
    }

    private static func exec(_ spec: InitSpec, toParent: SyncChannel) -> Never {
        let command = spec.argv[0]
        let pathVariable = spec.environment.first { $0.hasPrefix("PATH=") }.map { String($0.dropFirst(5)) }
        guard let path = Path.lookup(command, path: pathVariable, isExecutable: { access($0, X_OK) == 0 }) else {
            ContainerInit.fail(toParent, code: 127,
                               "exec: \"\(command)\": executable file not found in $PATH")
        }
        for signal in ContainerInit.ignored { Glibc.signal(signal, SIG_DFL) }
        // Nothing of dockling's may leak into the command: every descriptor above
        // stderr closes on exec, and the sync pipe's closing tells the parent we made it.
        try? Kernel.closeOnExec(from: 3, note: "keep dockling's pipes and trace out of the command")
        if spec.initReaper { Reaper.run(path: path, spec: spec, toParent: toParent) }
        become(path, spec, toParent: toParent, note: "become the command; the namespaces and the root stay")
    }

    /// Execs the command. A successful execve never returns, so when tracing, this
    /// process first tells the parent what it execs, and the parent traces the call with
    /// its result once the sync pipe closes on exec; a failure is traced here, with its
    /// errno, and reported with docker's exit code.
    static func become(_ path: String, _ spec: InitSpec, toParent: SyncChannel, note: String) -> Never {
        Tracer.shared.step = "exec"
        let witnessed = Tracer.shared.isOn
            && (try? toParent.send(.exec(pid: getpid(), quotedPath: StraceFormat.quote(path)),
                                   note: "tell the parent what we exec: the pipe's closing will say it happened")) != nil
        let failure = Kernel.execve(path, argv: spec.argv, env: spec.environment, witnessed: witnessed, note: note)
        let code: Int32 = failure == .ENOENT ? 127 : 126
        ContainerInit.fail(toParent, code: code, "exec: \"\(path)\": \(failure.message)")
    }
}
