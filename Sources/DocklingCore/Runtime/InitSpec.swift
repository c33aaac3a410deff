/// Everything `dockling-init` needs to turn itself into a container, sent by the
/// parent as JSON over a pipe (descriptor 3).
public struct InitSpec: Codable, Sendable {
    /// The namespace kinds to create.
    public var namespaces: [NamespaceKind]
    /// The root filesystem to pivot into; requires a new mount namespace.
    public var rootfs: String?
    /// Mount the root filesystem read-only (the busybox rootfs is shared).
    public var readOnlyRootfs: Bool
    public var hostname: String?
    /// The user namespace's id mapping (written by the parent).
    public var idMapping: IDMapping?
    public var argv: [String]
    public var environment: [String]
    public var workingDirectory: String
    /// Kill the container when the process that started it dies.
    public var dieWithParent: Bool
    /// The union to mount as the root (at `rootfs`), for containers of images.
    public var overlay: UnionLayout?
    /// Bind mounts, volumes (as binds of their folders) and tmpfs mounts.
    public var mounts: [ContainerMount] = []
    /// `-u`: a user name or uid, with an optional group, looked up in the container.
    public var user: String?
    /// `--init`: PID 1 stays a small reaper and the command runs as its child.
    public var initReaper = false
    /// Set for containers of the store: dockling-init watches and records them.
    public var monitor: MonitorSpec?
    /// `exec`: join the namespaces and cgroup of this running container's PID 1 instead
    /// of making new ones.
    public var join: Int32?
    /// `exec -t`: run the command on a new pseudo-terminal.
    public var tty = false
    /// Capabilities, masked paths, seccomp: docker's walls around a container's
    /// processes. nil for the concept tools, whose lessons come before confinement.
    public var confinement: Confinement?

    public init(namespaces: [NamespaceKind], rootfs: String?, readOnlyRootfs: Bool,
                hostname: String?, idMapping: IDMapping?, argv: [String], environment: [String],
                workingDirectory: String = "/", dieWithParent: Bool = true) {
        self.namespaces = namespaces
        self.rootfs = rootfs
        self.readOnlyRootfs = readOnlyRootfs
        self.hostname = hostname
        self.idMapping = idMapping
        self.argv = argv
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.dieWithParent = dieWithParent
    }

    public func has(_ kind: NamespaceKind) -> Bool { namespaces.contains(kind) }

    /// `--rm`: the union's upper directory goes when the container ends, so it is mounted
    /// without syncs (see `OverlayOptions`).
    var volatileOverlay: Bool { monitor?.autoRemove == true }
}
