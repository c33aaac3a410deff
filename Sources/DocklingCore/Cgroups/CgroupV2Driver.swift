#if canImport(Glibc)
import Glibc
#endif

/// The v2 driver: one unified hierarchy, so a run's cgroup is one directory. A v2
/// cgroup gets only the controllers its parent lists in `cgroup.subtree_control`, and
/// the kernel's "no internal processes" rule says a (non-root) cgroup may hold processes
/// or hand controllers to its children, never both: see `CgroupV2Driver+Delegation.swift`.
public final class CgroupV2Driver: CgroupDriver {
    public let version = CgroupVersion.v2
    public let kernel: any CgroupKernel
    public let controllers: [CgroupController]
    /// The caller's cgroup: the run's cgroup is created beneath it.
    let parent: String
    /// The run's cgroup.
    let directory: String
    /// The calling process: it moves down into a leaf of its own when the parent must give
    /// up its processes, and back up when the run is over.
    let callerPID: pid_t
    /// Controllers dockling switched on in the parent's `cgroup.subtree_control`.
    var enabled: [String] = []
    /// The leaf the caller moved into, while it is there.
    var supervisor: String?
    var created = false

    public init(parent: String, name: String, controllers: [CgroupController], callerPID: pid_t,
                kernel: any CgroupKernel) {
        self.parent = parent
        self.directory = parent + "/" + name
        self.controllers = controllers.sorted()
        self.callerPID = callerPID
        self.kernel = kernel
    }

    public var directories: [String] { [directory] }

    /// The names to enable in `cgroup.subtree_control` (CPU accounting needs none).
    var controllerNames: [String] {
        var names: [String] = []
        for name in controllers.compactMap(\.v2Name) where !names.contains(name) { names.append(name) }
        return names
    }

    public func add(pid: pid_t) throws {
        try move(pid, into: [directory],
                 note: "move the command into its cgroup before it execs, so no instruction runs unlimited")
    }

    /// `cgroup.kill` (Linux 5.14) kills every process in the cgroup at once, racing no fork;
    /// older kernels get the signal loop of v1.
    public func killAll() throws -> Int {
        // A cgroup of the same name that another run made is not this run's to empty.
        guard created else { return 0 }
        let inside = processes(in: directory).count
        guard inside > 0 else { return 0 }
        let killFile = directory + "/cgroup.kill"
        guard kernel.exists(killFile, note: "does this kernel have cgroup.kill (Linux 5.14)?") else {
            return try killEachProcess(in: [directory])
        }
        try write([CgroupFileWrite(killFile, "1", note: "SIGKILL every process in the cgroup, and any it is forking right now")])
        for _ in 0..<200 {
            if keyed(directory + "/cgroup.events")["populated"] == 0 { return inside }
            try kernel.pause(note: "give the kernel time to tear the killed processes down")
        }
        throw CgroupError("processes remain in \(directory) after cgroup.kill",
                          hint: "a process stuck in the kernel (state D) cannot die until its I/O ends")
    }
}
