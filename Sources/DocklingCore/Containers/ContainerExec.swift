/// `docker exec`: what the new process is (command, environment, directory, user).
public struct ContainerExec {
    public let record: ContainerRecord
    public let root: StoreRoot

    public init(record: ContainerRecord, root: StoreRoot) {
        self.record = record
        self.root = root
    }

    /// Runs `argv` in the running container and returns its exit code. The process
    /// shares dockling's stdin (with -i), stdout and stderr; with -t it gets a terminal.
    public func run(_ argv: [String], environment: [String], workingDirectory: String?, user: String?,
                    interactive: Bool, tty: Bool) throws -> Int32 {
        guard record.state.status == .running, let pid = record.state.pid else {
            throw UsageError(step: "exec", "container \(record.config.name) is not running")
        }
        var merged = record.config.environment
        for entry in environment {
            let key = entry.split(separator: "=", maxSplits: 1).first.map(String.init) ?? entry
            merged.removeAll { $0.hasPrefix(key + "=") }
            if entry.contains("=") { merged.append(entry) }
        }
        var spec = InitSpec(namespaces: [], rootfs: nil, readOnlyRootfs: false, hostname: nil, idMapping: nil,
                            argv: argv, environment: merged,
                            workingDirectory: workingDirectory ?? record.config.workingDirectory, dieWithParent: true)
        spec.join = pid
        spec.user = user ?? record.config.user
        spec.tty = tty
        // docker exec: the new process is confined exactly like the container's first.
        spec.confinement = try record.config.confinement()
        let launcher = ContainerLauncher(spec: spec)
        launcher.seccompCache = SeccompCache(root: root)
        launcher.stdio = [interactive || tty ? 0 : -1, 1, 2]
        launcher.signalPolicy = .forward
        let terminal = TerminalMode(fd: 0)
        if tty { try terminal.makeRaw() }
        defer { terminal.restore() }
        return try launcher.run { _ in }
    }
}
