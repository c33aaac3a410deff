extension CgroupV2Driver {
    /// Reads what v2 counted: memory.peak and memory.events; cpu.stat (in microseconds,
    /// turned into nanoseconds as v1 counts); pids.peak and pids.events.
    public func stats() -> CgroupStats {
        var stats = CgroupStats()
        let path = { (name: String) in self.directory + "/" + name }
        if controllers.contains(.memory) {
            stats.memoryPeak = number(path("memory.peak"))
            let events = keyed(path("memory.events"))
            stats.memoryLimitHits = events["max"]
            stats.oomKills = events["oom_kill"]
        }
        let cpuStat = keyed(path("cpu.stat"))
        if controllers.contains(.cpuacct) {
            stats.cpuTime = cpuStat["usage_usec"].map { $0 * 1000 }
        }
        if controllers.contains(.cpu) {
            stats.cpuPeriods = cpuStat["nr_periods"]
            stats.cpuThrottledPeriods = cpuStat["nr_throttled"]
            stats.cpuThrottledTime = cpuStat["throttled_usec"].map { $0 * 1000 }
        }
        if controllers.contains(.pids) {
            stats.pidsPeak = number(path("pids.peak"))
            stats.forksRefused = keyed(path("pids.events"))["max"]
        }
        return stats
    }
}
