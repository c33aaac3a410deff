#if canImport(Glibc)
import Glibc
#endif

/// The v1 driver: each controller lives in a hierarchy of its own, mounted at its own
/// place (`/sys/fs/cgroup/memory`, `/sys/fs/cgroup/pids`…; cpu and cpuacct often share
/// one), so a run's cgroup is one directory per hierarchy, each holding the same process.
public final class CgroupV1Driver: CgroupDriver {
    public let version = CgroupVersion.v1
    public let kernel: any CgroupKernel
    /// For each controller, the run's cgroup directory in the hierarchy that owns it.
    let cgroups: [CgroupController: String]
    public let directories: [String]
    /// What `create` made, in order; `remove` takes it away in reverse.
    private var created: [String] = []

    /// `parents` holds the caller's cgroup directory in each controller's hierarchy:
    /// the run's cgroup is `<parent>/<name>` there, so nothing leaves the caller's subtree.
    public init(parents: [CgroupController: String], name: String, kernel: any CgroupKernel) {
        self.kernel = kernel
        cgroups = parents.mapValues { $0 + "/" + name }
        var unique: [String] = []
        for controller in parents.keys.sorted() where !unique.contains(cgroups[controller]!) {
            unique.append(cgroups[controller]!)
        }
        directories = unique
    }

    public var controllers: [CgroupController] { cgroups.keys.sorted() }

    public func create() throws {
        for directory in directories {
            let names = controllers.filter { cgroups[$0] == directory }.map(\.v1Name).joined(separator: ",")
            try makeDirectory(directory, note: "a new cgroup in the \(names) hierarchy, beneath the cgroup dockling runs in")
            created.append(directory)
        }
    }

    public func add(pid: pid_t) throws {
        try move(pid, into: directories,
                 note: "move the command into its cgroup in this hierarchy before it execs, so no instruction runs unlimited")
    }

    /// Only in the directories this driver created: a cgroup of the same name that
    /// another run made is not this run's to empty.
    public func killAll() throws -> Int {
        try killEachProcess(in: created)
    }

    public func remove() throws {
        var failure = FirstFailure()
        for directory in created.reversed() {
            failure.attempt {
                try removeDirectory(directory, note: "the run is over and its cgroup is empty: remove it")
                created.removeAll { $0 == directory }
            }
        }
        try failure.throwIfAny()
    }
}
