/// A cgroup controller dockling uses: the part of the kernel that limits or counts one
/// resource for every process in a cgroup.
public enum CgroupController: String, CaseIterable, Sendable, Hashable, Comparable {
    case memory
    case cpu
    case cpuacct
    case pids
    case blkio
    /// Limits nothing: it stops every process of the cgroup where it stands, so that
    /// `dockling commit` can copy a running container's files while none of them changes.
    case freezer

    /// The name in a v1 hierarchy's mount options and in /proc/self/cgroup.
    public var v1Name: String { rawValue }

    /// The name in a v2 cgroup's `cgroup.controllers`. nil for CPU accounting and the
    /// freezer, which v2 builds into every cgroup (`cpu.stat`, `cgroup.freeze`), so that no
    /// controller has to be enabled for them.
    public var v2Name: String? {
        switch self {
        case .cpuacct, .freezer: nil
        case .blkio: "io"
        default: rawValue
        }
    }

    /// The controllers dockling joins whenever the machine has them, limits or not: those
    /// that count, so the report can say what the command consumed, and the freezer, so
    /// that the container can be paused while it is committed.
    static let joinedWhenPresent: [CgroupController] = [.memory, .cpu, .cpuacct, .pids, .freezer]

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
