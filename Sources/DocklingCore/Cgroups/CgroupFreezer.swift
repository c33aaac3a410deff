#if canImport(Glibc)
import Glibc
#endif

/// The freezer of one container's cgroup — what `docker pause` uses, and what
/// `docker commit` uses so that no file of a running container changes while its upper
/// directory is copied into a layer. Frozen processes stop where they stand, in the
/// kernel's own time: they get no signal and notice nothing but a gap in the clock.
///
/// v1 has a freezer hierarchy whose `freezer.state` takes `FROZEN` and `THAWED`; v2 builds
/// the freezer into every cgroup as `cgroup.freeze` (1 or 0) and says when it is done in
/// `cgroup.events` (`frozen 1`). Freezing takes a moment either way, so both are awaited.
public struct CgroupFreezer {
    public let version: CgroupVersion
    /// The container's cgroup in the hierarchy that freezes it.
    public let directory: String
    let kernel: any CgroupKernel

    /// The freezer of the cgroup named `cgroupName` that `pid` is in, found from the
    /// kernel's record of the process (`/proc/PID/cgroup`); nil when the process is gone.
    public static func find(pid: pid_t, cgroupName: String) throws -> CgroupFreezer? {
        guard let membership = try? Kernel.readFile("/proc/\(pid)/cgroup") else { return nil }
        let layout: CgroupLayout
        do {
            layout = try CgroupLayout(mountinfo: Kernel.readFile("/proc/self/mountinfo"), procSelfCgroup: membership) {
                try? Kernel.readFile($0)
            }
        } catch let error as KernelError {
            throw CgroupError("cannot read the mount table", error, hint: "is /proc mounted?")
        }
        guard let freezer = CgroupFreezer(layout: layout, cgroupName: cgroupName, kernel: HostCgroupKernel()) else {
            throw CgroupError("process \(pid) is in no cgroup named \(cgroupName) that can freeze, so it cannot be paused",
                              hint: "its container started before dockling joined the freezer: restart it, or commit with --no-pause")
        }
        return freezer
    }

    /// The freezer in `layout` (a process's cgroups) when its cgroup is `cgroupName`: the
    /// v1 freezer hierarchy if it has one, else the v2 cgroup.
    init?(layout: CgroupLayout, cgroupName: String, kernel: any CgroupKernel) {
        if let directory = layout.v1Directories[.freezer], Path.base(of: directory) == cgroupName {
            version = .v1
            self.directory = directory
        } else if let directory = layout.v2Directory, Path.base(of: directory) == cgroupName {
            version = .v2
            self.directory = directory
        } else {
            return nil
        }
        self.kernel = kernel
    }

    /// Runs `body` with every process of the cgroup frozen, and thaws them whatever
    /// happens. Ctrl-C, `kill` and a closed terminal are held back meanwhile and take
    /// effect once the container runs again; for SIGKILL, which nothing can hold back, a
    /// guard process thaws the container (`CgroupFreezer+Guard.swift`), keeping `lock`
    /// open until it has.
    public func whileFrozen<T>(holding lock: Int32? = nil, _ body: () throws -> T) throws -> T {
        let previous = try kernelCall { () throws(KernelError) in
            try Interrupts.hold(note: "hold back Ctrl-C and kill until the container is thawed again")
        }
        defer { Interrupts.release(previous, note: "the container runs again: let pending signals in") }
        let guardian = try startThawGuard(holding: lock)
        defer { guardian.release() }
        // Thawed after a failed freeze too: the write of FROZEN may have been made.
        let result = Result { () throws -> T in
            try freeze()
            return try body()
        }
        try thaw()
        return try result.get()
    }

    /// Freezes the cgroup and waits until the kernel says every process has stopped.
    func freeze() throws {
        try write(version == .v1 ? "FROZEN" : "1", note: "freeze every process of the container where it stands")
        for _ in 0..<500 {
            if try isFrozen() { return }
            try kernelCall { () throws(KernelError) in try kernel.pause(note: "the kernel is still stopping the container's processes") }
        }
        throw CgroupError("the processes in \(directory) did not all stop within 5 s",
                          hint: "a process stuck in the kernel (state D) cannot be frozen; try again, or commit with --no-pause")
    }

    /// Lets the processes run on. A cgroup that is gone has nothing left to thaw.
    func thaw() throws {
        guard kernel.exists(directory, note: "is the container's cgroup still there to thaw?") else { return }
        try write(version == .v1 ? "THAWED" : "0", note: "thaw the container: its processes run on from where they stopped")
    }

    var controlFile: String { directory + (version == .v1 ? "/freezer.state" : "/cgroup.freeze") }

    private func isFrozen() throws -> Bool {
        try kernelCall { () throws(KernelError) in
            switch version {
            case .v1: try kernel.read(controlFile).hasPrefix("FROZEN")
            case .v2: CgroupStats.keyedValues(try kernel.read(directory + "/cgroup.events"))["frozen"] == 1
            }
        }
    }

    private func write(_ value: String, note: String) throws {
        let file = controlFile
        try kernelCall { () throws(KernelError) in try kernel.write(file, value, note: note) }
    }

    /// Files a failed call under the freezer, naming it.
    func kernelCall<T>(_ body: () throws(KernelError) -> T) throws(CgroupError) -> T {
        do {
            return try body()
        } catch {
            throw CgroupError("pausing the container", error)
        }
    }
}
