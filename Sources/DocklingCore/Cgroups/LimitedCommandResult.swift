#if canImport(Glibc)
import Glibc
#endif

/// How a limited command ended, and what its cgroup counted while it ran.
public struct LimitedCommandResult: Sendable {
    public var status: WaitStatus
    public var stats: CgroupStats
    /// Wall-clock time from the start of the command to its end.
    public var elapsed: Duration
    /// Processes still in the cgroup after the command ended, killed so it could be removed.
    public var leftovers: Int
    public var limits: CgroupLimits
    public var notes: [String]
    /// The signal (SIGTERM, SIGHUP) that made dockling stop the command, if one did.
    public var stopSignal: Int32?

    /// The OOM killer ended the command: it died of SIGKILL while its cgroup counted an OOM kill.
    public var oomKilled: Bool {
        stopSignal == nil && status == .signaled(SIGKILL) && (stats.oomKills ?? 0) > 0
    }

    /// docker's exit code: 137 for an OOM kill, 128+N when a signal stopped dockling,
    /// otherwise the command's own (128+N when a signal ended it).
    public var exitCode: Int32 {
        if let stopSignal { return 128 + stopSignal }
        return oomKilled ? 137 : status.exitCode
    }
}
