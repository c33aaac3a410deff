/// The resource fields of docker's `HostConfig`, in the kernel's units: `--memory 64m`
/// shows as `"Memory": 67108864`, as `docker inspect` shows it, rather than as typed.
extension ContainerInspection {
    struct Resources {
        var memory: Int64 = 0
        var memorySwap: Int64 = 0
        var nanoCpus: Int64 = 0
        var cpuShares: Int64 = 0
        var pidsLimit: Int64?
        var blkioWeight: Int64 = 0

        /// From the flags as the container was created with them. Values the machine
        /// would now refuse (fewer CPUs than then) show as 0, not as an error.
        init(flags: [String: String]) {
            guard let limits = try? CgroupLimits(stored: flags, onlineCPUs: Int(Int32.max)) else { return }
            memory = limits.memory ?? 0
            // docker fills in the swap it gives: twice the memory unless told otherwise.
            switch limits.effectiveSwap {
            case .total(let bytes): memorySwap = bytes
            case .unlimited: memorySwap = -1
            case nil: memorySwap = 0
            }
            // `--cpus` is docker's NanoCpus (billionths of a CPU); CpuQuota and CpuPeriod
            // stay 0, as they are only for `--cpu-quota` and `--cpu-period`.
            if let quota = limits.cpuQuota { nanoCpus = quota.quota * 1_000_000_000 / quota.period }
            cpuShares = limits.cpuShares ?? 0
            if case .limit(let count) = limits.pids { pidsLimit = count }
            blkioWeight = limits.blkioWeight ?? 0
        }
    }
}
