/// docker's resource flags, as `docker run` spells them.
public enum CgroupLimitFlag: String, CaseIterable, Sendable {
    case memory = "--memory"
    case memorySwap = "--memory-swap"
    case cpus = "--cpus"
    case cpuShares = "--cpu-shares"
    case pidsLimit = "--pids-limit"
    case blkioWeight = "--blkio-weight"
}
