/// The resource limits of one run, in the kernel's units, parsed from docker's flags
/// (see `CgroupLimits+Parsing.swift`). nil means "no limit asked for".
public struct CgroupLimits: Equatable, Sendable {
    /// `--memory`: bytes of RAM the cgroup may use before the kernel reclaims, then OOM-kills.
    public var memory: Int64?
    /// `--memory-swap`: memory plus swap, docker's way of counting.
    public var memorySwap: SwapLimit?
    /// `--cpus`: CPU time allowed per scheduling period.
    public var cpuQuota: CPUQuota?
    /// `--cpu-shares`: relative CPU weight when CPUs are contended (v1 units, 2…262144).
    public var cpuShares: Int64?
    /// `--pids-limit`: how many processes and threads may exist at once.
    public var pids: PidsLimit?
    /// `--blkio-weight`: relative block I/O weight (10…1000).
    public var blkioWeight: Int64?

    public init(memory: Int64? = nil, memorySwap: SwapLimit? = nil, cpuQuota: CPUQuota? = nil,
                cpuShares: Int64? = nil, pids: PidsLimit? = nil, blkioWeight: Int64? = nil) {
        self.memory = memory
        self.memorySwap = memorySwap
        self.cpuQuota = cpuQuota
        self.cpuShares = cpuShares
        self.pids = pids
        self.blkioWeight = blkioWeight
    }

    public enum SwapLimit: Equatable, Sendable {
        /// `-1`: swap as much as the machine has.
        case unlimited
        /// Memory and swap together may not exceed this many bytes.
        case total(Int64)
    }

    public enum PidsLimit: Equatable, Sendable {
        /// `-1`: no limit (the file says `max`).
        case unlimited
        case limit(Int64)
    }

    /// CFS bandwidth control: the cgroup may run `quota` microseconds in every `period`.
    public struct CPUQuota: Equatable, Sendable {
        public var quota: Int64
        public var period: Int64
        /// docker's period for `--cpus`: 100 ms.
        public static let dockerPeriod: Int64 = 100_000
    }

    /// The swap limit the kernel gets. Without `--memory-swap`, docker lets a container
    /// swap as much as its memory limit, so memory and swap together make twice the limit.
    var effectiveSwap: SwapLimit? {
        memorySwap ?? memory.map { .total($0 * 2) }
    }

    /// The controllers these limits need; a missing one is an error, not a silent no-op.
    var controllers: [CgroupController: CgroupLimitFlag] {
        var needed: [CgroupController: CgroupLimitFlag] = [:]
        if memory != nil { needed[.memory] = .memory }
        if cpuShares != nil { needed[.cpu] = .cpuShares }
        if cpuQuota != nil { needed[.cpu] = .cpus }
        if pids != nil { needed[.pids] = .pidsLimit }
        if blkioWeight != nil { needed[.blkio] = .blkioWeight }
        return needed
    }
}
