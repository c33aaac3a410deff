/// `docker run`'s options that decide what a container is, independent of any CLI.
public struct RunOptions: Sendable {
    public var image: String
    public var command: [String] = []
    public var name: String?
    public var autoRemove = false
    public var environment: [String] = []
    public var environmentFiles: [String] = []
    public var workingDirectory: String?
    public var user: String?
    public var hostname: String?
    public var entrypoint: String?
    public var volumes: [String] = []
    public var tmpfs: [String] = []
    /// Mounts already made into `ContainerMount`s (a build's `RUN --mount`), after -v and --tmpfs.
    public var mounts: [ContainerMount] = []
    public var limits: [CgroupLimitFlag: String] = [:]
    public var network = "none"
    /// `--userns`: `host` or `remap` (see `UserNamespaceMode`).
    public var userns = "host"
    public var readOnly = false
    public var initProcess = false
    public var interactive = false
    public var tty = false
    public var capAdd: [String] = []
    public var capDrop: [String] = []
    public var privileged = false
    public var securityOptions: [String] = []

    public init(image: String) { self.image = image }
}
