#if canImport(Glibc)
import Glibc
#endif

/// `docker start`: turns a stored container into a running one. dockling-init becomes
/// its monitor, in a session of its own, so the container keeps running when the
/// dockling command that started it ends — detached, or killed. Its stdio reaches people
/// only through the monitor's attach socket.
public struct ContainerStarter {
    public let root: StoreRoot

    public init(root: StoreRoot) { self.root = root }

    /// Starts the container. With `attach`, a client connects to the attach socket
    /// before the command may run, so that not a byte of its output is missed.
    public func start(_ record: ContainerRecord, attach: Bool) throws -> AttachClient? {
        guard record.state.status != .running else {
            throw UsageError(step: "start", "container \(record.config.name) is already running")
        }
        let launcher = ContainerLauncher(spec: try spec(for: record))
        launcher.stdio = [-1, -1, -1]
        launcher.newSession = true
        let store = ContainerStore(root: root)
        var client: AttachClient?
        _ = try launcher.start { launched in
            Tracer.shared.step = "state"
            try store.updateState(record.id) {
                $0 = ContainerState(status: .running, pid: launched.containerPID, monitorPID: launched.monitorPID,
                                    monitorStartTime: ContainerLiveness.startTime(of: launched.monitorPID),
                                    startedAt: Timestamp.preciseNow())
            }
            if attach { client = try AttachClient(containerID: record.id, containerPID: launched.containerPID) }
        }
        return client
    }

    /// What dockling-init needs to make this container.
    func spec(for record: ContainerRecord) throws -> InitSpec {
        let config = record.config
        var kinds: [NamespaceKind] = [.mount, .uts, .ipc, .pid, .cgroup]
        if config.network == "none" { kinds.append(.net) }
        var spec = InitSpec(namespaces: kinds, rootfs: record.merged, readOnlyRootfs: config.readOnlyRootfs,
                            hostname: config.hostname, idMapping: nil, argv: config.argv,
                            environment: config.environment, workingDirectory: config.workingDirectory,
                            dieWithParent: false)
        spec.overlay = record.union
        spec.mounts = config.mounts.map { mount in
            guard mount.kind == .volume, let name = mount.source else { return mount }
            var bound = mount
            bound.source = "\(root.volumes)/\(name)/_data"
            return bound
        }
        spec.user = config.user
        spec.initReaper = config.initProcess
        spec.confinement = try config.confinement()
        spec.monitor = MonitorSpec(root: root.path, containerID: config.id, limits: config.limits,
                                   autoRemove: config.autoRemove, interactive: config.interactive, tty: config.tty)
        return spec
    }
}
