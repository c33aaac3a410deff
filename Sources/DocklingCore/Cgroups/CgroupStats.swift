/// What the kernel counted for a run's cgroup. nil means this kernel does not count it
/// (or the controller that counts it is not in use).
public struct CgroupStats: Equatable, Sendable {
    /// The most memory the cgroup held at once, in bytes.
    public var memoryPeak: UInt64?
    /// How often memory use hit the limit (and the kernel had to reclaim).
    public var memoryLimitHits: UInt64?
    /// How many processes the OOM killer killed in the cgroup.
    public var oomKills: UInt64?
    /// CPU time used by all the cgroup's processes, in nanoseconds.
    public var cpuTime: UInt64?
    /// Scheduling periods in which the cgroup was runnable, under a CPU quota.
    public var cpuPeriods: UInt64?
    /// Periods in which the cgroup used up its quota and was stopped until the next one.
    public var cpuThrottledPeriods: UInt64?
    /// Total time the cgroup spent throttled, in nanoseconds.
    public var cpuThrottledTime: UInt64?
    /// The most processes (and threads) that existed in the cgroup at once.
    public var pidsPeak: UInt64?
    /// How many forks the pids limit refused.
    public var forksRefused: UInt64?

    public init() {}

    /// Fills what this lacks from `other`: on a hybrid machine each driver counts its own controllers.
    mutating func merge(_ other: CgroupStats) {
        memoryPeak = memoryPeak ?? other.memoryPeak
        memoryLimitHits = memoryLimitHits ?? other.memoryLimitHits
        oomKills = oomKills ?? other.oomKills
        cpuTime = cpuTime ?? other.cpuTime
        cpuPeriods = cpuPeriods ?? other.cpuPeriods
        cpuThrottledPeriods = cpuThrottledPeriods ?? other.cpuThrottledPeriods
        cpuThrottledTime = cpuThrottledTime ?? other.cpuThrottledTime
        pidsPeak = pidsPeak ?? other.pidsPeak
        forksRefused = forksRefused ?? other.forksRefused
    }

    /// Parses a flat-keyed file such as cpu.stat or memory.events: `key value` per line.
    static func keyedValues(_ text: String) -> [String: UInt64] {
        var values: [String: UInt64] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count == 2, let value = UInt64(words[1]) { values[String(words[0])] = value }
        }
        return values
    }
}
