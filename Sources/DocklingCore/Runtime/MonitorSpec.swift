/// What `dockling-init` needs to watch a container of the store: where its state and
/// log live, the cgroup limits, and what to do when it ends.
public struct MonitorSpec: Codable, Sendable {
    public var root: String
    public var containerID: String
    /// Resource flags as docker spells them (`--memory` → `32m`).
    public var limits: [String: String]
    /// Remove the container when it ends (`--rm`).
    public var autoRemove: Bool

    public init(root: String, containerID: String, limits: [String: String], autoRemove: Bool) {
        self.root = root
        self.containerID = containerID
        self.limits = limits
        self.autoRemove = autoRemove
    }

    var store: ContainerStore { ContainerStore(root: StoreRoot(path: root)) }

    /// The limits parsed back into their typed form.
    func cgroupLimits() throws -> CgroupLimits {
        var flags: [CgroupLimitFlag: String] = [:]
        for (key, value) in limits {
            guard let flag = CgroupLimitFlag(rawValue: key) else { continue }
            flags[flag] = value
        }
        return try CgroupLimits(parsing: flags)
    }
}
