/// The two interfaces the kernel offers for cgroups.
public enum CgroupVersion: String, Sendable, Equatable {
    /// cgroup v1: one hierarchy per controller (or group of controllers), each its own mount.
    case v1
    /// cgroup v2: one unified hierarchy for every controller.
    case v2
}
