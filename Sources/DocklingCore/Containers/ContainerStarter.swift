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
    /// before the command may run, so that not a byte of its output is missed. A
    /// container already running is left as it is (attached to, with `attach`), as
    /// docker's start does.
    public func start(_ record: ContainerRecord, attach: Bool) throws -> AttachClient? {
        if record.state.status == .running {
            return attach ? try AttachClient(containerID: record.id, containerPID: record.state.pid) : nil
        }
        // A monitor killed with SIGKILL left the cgroups (and perhaps processes) of
        // the last run: they must go before the new monitor makes cgroups of the same name.
        if record.monitorKilled { _ = ContainerCgroups.removeLeftovers(id: record.id, folder: record.directory) }
        return try start(record, attach: attach, monitor: InitProcess.spawnMonitor(containerID: record.id))
    }

    /// Starts the stopped container with a monitor from `InitProcess.spawnMonitor` (`run`
    /// starts it before it makes the container), which it cancels on failure.
    public func start(_ record: ContainerRecord, attach: Bool, monitor: InitProcess) throws -> AttachClient? {
        let launcher: ContainerLauncher
        do {
            launcher = ContainerLauncher(spec: try spec(for: record))
            launcher.seccompCache = SeccompCache(root: root)
        } catch {
            monitor.cancel()
            throw error
        }
        let store = ContainerStore(root: root)
        var client: AttachClient?
        do {
            // The monitor records the running state while we attach.
            _ = try launcher.start(monitor) { launched in
                if attach { client = try AttachClient(containerID: record.id, containerPID: launched.containerPID) }
            }
        } catch {
            // The monitor has ended (the launcher waits for it). As with docker, a --rm
            // container that could not start goes too; its monitor may have removed it.
            if record.config.autoRemove { try? store.remove(record.id) }
            throw error
        }
        return client
    }

    /// What dockling-init needs to make this container.
    func spec(for record: ContainerRecord) throws -> InitSpec {
        let config = record.config
        var kinds: [NamespaceKind] = [.mount, .uts, .ipc, .pid, .cgroup]
        if config.network == "none" { kinds.append(.net) }
        let mapping: IDMapping? = config.userns == .remap ? .unprivileged : nil
        if let mapping {
            kinds.insert(.user, at: 0)
            try NamespaceSettings.checkReachable(record.merged, byHostUID: mapping.outside)
        }
        var spec = InitSpec(namespaces: kinds, rootfs: record.merged, readOnlyRootfs: config.readOnlyRootfs,
                            hostname: config.hostname, idMapping: mapping, argv: config.argv,
                            environment: config.environment, workingDirectory: config.workingDirectory,
                            dieWithParent: false)
        spec.overlay = record.union
        spec.mounts = config.mounts.map { mount in
            guard mount.kind == .volume, let name = mount.source else { return mount }
            var bound = mount
            bound.source = root.volumeData(name)
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
