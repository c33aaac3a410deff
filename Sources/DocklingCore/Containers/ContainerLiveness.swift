#if canImport(Glibc)
import Glibc
#endif

/// Whether the processes a state file names are really there.
public enum ContainerLiveness {
    /// When a process started, in clock ticks since boot (field 22 of /proc/PID/stat);
    /// a pid that was reused by another process has another start time. nil once it has
    /// ended, even while it is a zombie its parent has not reaped yet.
    public static func startTime(of pid: Int32) -> UInt64? {
        guard let stat = try? Kernel.readFile("/proc/\(pid)/stat"),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state: Z zombie, X dead); field 22 is fields[19].
        guard fields.count > 19, !["Z", "X"].contains(fields[0]) else { return nil }
        return UInt64(fields[19])
    }

    /// A state that says "running" but whose monitor is gone is corrected: the monitor
    /// always records the end, so its absence means it was killed before it could.
    /// Returns whether it was corrected: such a monitor left its cgroups behind too.
    public static func reconcile(_ state: inout ContainerState) -> Bool {
        guard state.status == .running, let monitor = state.monitorPID else { return false }
        if let started = state.monitorStartTime, startTime(of: monitor) == started { return false }
        state.status = .exited
        state.exitCode = state.exitCode ?? 255
        state.error = state.error ?? "the container's monitor was killed before it could record the end"
        return true
    }
}
