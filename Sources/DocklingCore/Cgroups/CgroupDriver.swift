#if canImport(Glibc)
import Glibc
#endif

/// One cgroup interface, v1 or v2, holding a run's cgroup for the controllers it owns.
/// On a hybrid machine a run may use both at once, each for its own controllers.
///
/// The life of a run's cgroup: `create`, `apply` the limits, `add` the first process
/// (its children follow it), and at the end `killAll`, read `stats`, `remove`.
public protocol CgroupDriver: AnyObject {
    /// The interface this driver speaks.
    var version: CgroupVersion { get }
    /// The controllers this driver limits and counts for the run.
    var controllers: [CgroupController] { get }
    /// The run's cgroup directories: one per hierarchy used.
    var directories: [String] { get }
    var kernel: any CgroupKernel { get }

    /// Creates the run's cgroup. Whatever it created, `remove` takes away, even after
    /// `create` itself failed half-way.
    func create() throws
    /// The files and values that set `limits` in this interface, and notes for the
    /// learner, such as a limit this kernel cannot enforce.
    func limitWrites(_ limits: CgroupLimits) throws -> (writes: [CgroupFileWrite], notes: [String])
    /// Moves a process into the cgroup; the processes it starts afterwards are born there.
    func add(pid: pid_t) throws
    /// Kills every process left in the cgroup and waits until none remains.
    /// Returns how many processes were still there.
    func killAll() throws -> Int
    /// What the kernel counted: peaks, OOM kills, CPU time, throttling.
    func stats() -> CgroupStats
    /// Removes what `create` made, deepest first. Fails while processes remain.
    func remove() throws
}

extension CgroupDriver {
    /// Writes the limits into the cgroup's files; returns the notes for the learner.
    public func apply(_ limits: CgroupLimits) throws -> [String] {
        let plan = try limitWrites(limits)
        try write(plan.writes)
        return plan.notes
    }

    /// The pids listed in a cgroup's `cgroup.procs`.
    func processes(in directory: String) -> [pid_t] {
        let text = (try? kernel.read(directory + "/cgroup.procs")) ?? ""
        return text.split(separator: "\n").compactMap { pid_t($0) }
    }

    /// Writes each value in order, turning a refusal into an error that names the file.
    func write(_ writes: [CgroupFileWrite]) throws {
        for item in writes {
            do throws(KernelError) {
                try kernel.write(item.path, item.value, note: item.note)
            } catch {
                throw CgroupError("writing \(item.value) into \(item.path)", error)
            }
        }
    }

    /// Writes `pid` into each directory's `cgroup.procs`: the kernel moves the whole process.
    func move(_ pid: pid_t, into directories: [String], note: String) throws {
        try write(directories.map { CgroupFileWrite($0 + "/cgroup.procs", String(pid), note: note) })
    }

    /// Creates a cgroup directory; a refusal names it, since the failed call carries the path.
    func makeDirectory(_ path: String, note: String) throws {
        do throws(KernelError) {
            try kernel.makeDirectory(path, note: note)
        } catch {
            throw CgroupError("creating a cgroup", error,
                              hint: error.errno == .EEXIST ? "a cgroup of that name exists: pick another --name, or remove it with rmdir" : nil)
        }
    }

    /// Removes a cgroup directory; the kernel refuses while processes are inside.
    func removeDirectory(_ path: String, note: String) throws {
        do throws(KernelError) {
            try kernel.removeDirectory(path, note: note)
        } catch {
            throw CgroupError("removing a cgroup", error)
        }
    }

    /// Sends SIGKILL to every process listed in the directories, again and again, until
    /// none is listed: a process may fork between the reading and the killing, and a
    /// killed one stays listed until the kernel has torn it down.
    func killEachProcess(in directories: [String]) throws -> Int {
        var signalled = Set<pid_t>()
        for _ in 0..<200 {
            let listed = Set(directories.flatMap(processes(in:))).subtracting([getpid()])
            if listed.isEmpty { return signalled.count }
            for pid in listed.subtracting(signalled).sorted() {
                do {
                    try kernel.kill(pid, SIGKILL, note: "a process is still in the cgroup: it must be gone before rmdir")
                } catch {
                    // ESRCH: it exited between the read and the kill, which is what we want.
                    guard error.errno == .ESRCH else { throw error }
                }
                signalled.insert(pid)
            }
            try kernel.pause(note: "give the kernel time to tear the killed processes down")
        }
        throw CgroupError("processes keep appearing in \(directories.joined(separator: ", "))",
                          hint: "something in the cgroup forks faster than dockling can kill; set --pids-limit")
    }

    /// Reads a cgroup file holding one number; nil when this kernel has no such file.
    func number(_ path: String) -> UInt64? {
        (try? kernel.read(path)).flatMap { UInt64($0.trimmingWhitespace) }
    }

    /// Reads a flat-keyed cgroup file (`key value` per line, such as cpu.stat).
    func keyed(_ path: String) -> [String: UInt64] {
        CgroupStats.keyedValues((try? kernel.read(path)) ?? "")
    }
}

private extension String {
    /// The text without leading and trailing spaces and newlines (FoundationEssentials has no trimming).
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
