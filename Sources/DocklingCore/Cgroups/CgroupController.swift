/// A cgroup controller dockling uses: the part of the kernel that limits or counts one
/// resource for every process in a cgroup.
public enum CgroupController: String, CaseIterable, Sendable, Hashable, Comparable {
    case memory
    case cpu
    case cpuacct
    case pids
    case blkio

    /// The name in a v1 hierarchy's mount options and in /proc/self/cgroup.
    public var v1Name: String { rawValue }

    /// The name in a v2 cgroup's `cgroup.controllers`. nil for CPU accounting, which v2
    /// builds into every cgroup (`cpu.stat`), so that no controller has to be enabled for it.
    public var v2Name: String? {
        switch self {
        case .cpuacct: nil
        case .blkio: "io"
        default: rawValue
        }
    }

    /// The controllers that count what a run used; dockling joins them when the machine
    /// has them, so the report can say what the command consumed even without limits.
    static let accounting: [CgroupController] = [.memory, .cpu, .cpuacct, .pids]

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
