#if canImport(Glibc)
import Glibc
#endif

/// A run's cgroup, across whichever hierarchies own the controllers it needs: what
/// `dockling-cgroups` and `dockling run` create, fill and remove.
///
///     let session = try CgroupSession.create(name: id, limits: limits)
///     try session.add(pid: child)        // before the child execs
///     … wait for the child …
///     try session.killAll(); let stats = session.stats(); try session.remove()
public final class CgroupSession {
    /// What the learner should know about limits this kernel cannot fully enforce.
    public internal(set) var notes: [String] = []
    let drivers: [any CgroupDriver]

    init(drivers: [any CgroupDriver]) {
        self.drivers = drivers
    }

    /// Creates the cgroup `dockling-<name>` beneath the caller's own cgroup in each
    /// hierarchy it needs, and writes the limits. Nothing is left behind when this throws.
    public static func create(name: String, limits: CgroupLimits) throws -> CgroupSession {
        try create(name: name, limits: limits, layout: CgroupLayout.detect(),
                   kernel: HostCgroupKernel(), callerPID: getpid())
    }

    /// Whether the session's hierarchies hold every controller `limits` needs, so that
    /// a session made before the limits were known can take them.
    func covers(_ limits: CgroupLimits) -> Bool {
        let held = Set(drivers.flatMap(\.controllers))
        return limits.controllers.keys.allSatisfy(held.contains)
    }

    /// Writes the limits into the cgroup's files.
    func apply(_ limits: CgroupLimits) throws {
        for driver in drivers { notes += try driver.apply(limits) }
    }

    /// The directories of the run's cgroup, one per hierarchy.
    public var directories: [String] { drivers.flatMap(\.directories) }

    /// Moves a process into the cgroup. Call it before the process execs its command.
    public func add(pid: pid_t) throws {
        for driver in drivers { try driver.add(pid: pid) }
    }

    /// Kills every process still in the cgroup and waits until none remains.
    /// Returns how many there were.
    @discardableResult
    public func killAll() throws -> Int {
        // Every hierarchy holds the same processes, so the largest count is the count.
        // Each is tried even when one fails (a hierarchy whose directory a partial
        // removal took is already empty), so none is left with processes in it.
        var failure = FirstFailure()
        var most = 0
        for driver in drivers {
            failure.attempt { most = max(most, try driver.killAll()) }
        }
        try failure.throwIfAny()
        return most
    }

    /// What the kernel counted, merged across the hierarchies.
    public func stats() -> CgroupStats {
        drivers.reduce(into: CgroupStats()) { $0.merge($1.stats()) }
    }

    /// Removes the cgroup in every hierarchy. Call it after `killAll`.
    public func remove() throws {
        var failure = FirstFailure()
        for driver in drivers.reversed() { failure.attempt { try driver.remove() } }
        try failure.throwIfAny()
    }

    /// Clean-up after a failure: kill and remove, ignoring new errors, since the one
    /// that got us here is the one to report.
    public func discard() {
        _ = try? killAll()
        try? remove()
    }

    /// Clean-up after a container whose PID 1, the init of its own PID namespace, has
    /// been reaped. The kernel kills every other process of a PID namespace when its init
    /// ends, and collects them before the init's exit can be: the cgroup is empty, and
    /// rmdir alone removes it — no `cgroup.procs` to read in each hierarchy first. Only
    /// when the kernel refuses (EBUSY: a process it holds is outside that namespace) are
    /// the processes killed, as `discard` does.
    func removeEmptied() {
        if (try? remove()) == nil { discard() }
    }
}
