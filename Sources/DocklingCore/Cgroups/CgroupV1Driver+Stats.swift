extension CgroupV1Driver {
    /// Reads what each v1 controller counted: memory.max_usage_in_bytes, memory.failcnt
    /// and memory.oom_control; cpuacct.usage; cpu.stat; pids.peak and pids.events.
    public func stats() -> CgroupStats {
        var stats = CgroupStats()
        if let memory = cgroups[.memory] {
            stats.memoryPeak = number(memory + "/memory.max_usage_in_bytes")
            stats.memoryLimitHits = number(memory + "/memory.failcnt")
            stats.oomKills = keyed(memory + "/memory.oom_control")["oom_kill"]
        }
        if let cpuacct = cgroups[.cpuacct] {
            stats.cpuTime = number(cpuacct + "/cpuacct.usage")
        }
        if let cpu = cgroups[.cpu] {
            let cpuStat = keyed(cpu + "/cpu.stat")
            stats.cpuPeriods = cpuStat["nr_periods"]
            stats.cpuThrottledPeriods = cpuStat["nr_throttled"]
            stats.cpuThrottledTime = cpuStat["throttled_time"]
        }
        if let pids = cgroups[.pids] {
            stats.pidsPeak = number(pids + "/pids.peak")
            stats.forksRefused = keyed(pids + "/pids.events")["max"]
        }
        return stats
    }
}
