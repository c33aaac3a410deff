/// What `dockling-init` needs to watch a container of the store: where its state and
/// log live, the cgroup limits, and what to do when it ends.
public struct MonitorSpec: Codable, Sendable {
    public var root: String
    public var containerID: String
    /// Resource flags as docker spells them (`--memory` → `32m`).
    public var limits: [String: String]
    /// Remove the container when it ends (`--rm`).
    public var autoRemove: Bool
    /// `-i`: the container's stdin is a pipe that attached clients write into.
    public var interactive: Bool
    /// `-t`: the container's stdin, stdout and stderr are a pseudo-terminal.
    public var tty: Bool

    public init(root: String, containerID: String, limits: [String: String], autoRemove: Bool,
                interactive: Bool, tty: Bool) {
        self.root = root
        self.containerID = containerID
        self.limits = limits
        self.autoRemove = autoRemove
        self.interactive = interactive
        self.tty = tty
    }

    /// The abstract socket clients attach to.
    public static func attachSocket(_ containerID: String) -> String { "dockling-attach-" + containerID }

    /// Opens the container's attach socket, for its monitor.
    static func listen(containerID: String) throws(KernelError) -> Int32 {
        try Kernel.listenAbstract(attachSocket(containerID), note: "the attach socket: dockling run, start -a and attach connect here")
    }

    var store: ContainerStore { ContainerStore(root: StoreRoot(path: root)) }

    /// The limits parsed back into their typed form.
    func cgroupLimits() throws -> CgroupLimits { try CgroupLimits(stored: limits) }
}
