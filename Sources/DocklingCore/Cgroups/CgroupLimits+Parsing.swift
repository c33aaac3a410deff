#if canImport(Glibc)
import Glibc
#endif

// docker's spelling and units, checked before anything is created: a value the kernel
// would refuse, or would quietly round to something else, is refused here, naming its flag.

extension CgroupLimits {
    /// docker's smallest `--memory`: below it a container cannot even start its process.
    public static let minimumMemory: Int64 = 6 * 1024 * 1024
    /// The kernel's smallest CFS quota, 1 ms (so `--cpus 0.01` with docker's 100 ms period).
    public static let minimumCPUQuota: Int64 = 1000
    /// The kernel's range for cpu.shares (MIN_SHARES and MAX_SHARES in kernel/sched).
    public static let cpuSharesRange: ClosedRange<Int64> = 2...262_144
    /// docker's (and CFQ's) range for `--blkio-weight`.
    public static let blkioWeightRange: ClosedRange<Int64> = 10...1000

    /// The CPUs online now (glibc reads /sys/devices/system/cpu/online).
    public static var onlineCPUs: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// The limits as a container's record keeps them (flag names as keys, `--memory`);
    /// keys that name no limit flag are left out.
    init(stored: [String: String], onlineCPUs: Int = CgroupLimits.onlineCPUs) throws(CgroupLimitError) {
        var flags: [CgroupLimitFlag: String] = [:]
        for (key, value) in stored {
            if let flag = CgroupLimitFlag(rawValue: key) { flags[flag] = value }
        }
        try self.init(parsing: flags, onlineCPUs: onlineCPUs)
    }

    /// Parses docker-spelled values, such as `[.memory: "64m", .cpus: "0.5"]`.
    /// `onlineCPUs` bounds `--cpus`, as docker bounds it.
    public init(parsing flags: [CgroupLimitFlag: String],
                onlineCPUs: Int = CgroupLimits.onlineCPUs) throws(CgroupLimitError) {
        self.init()
        for flag in CgroupLimitFlag.allCases {
            guard let text = flags[flag] else { continue }
            switch flag {
            case .memory: memory = try Self.memoryLimit(text)
            case .memorySwap: memorySwap = try Self.swapLimit(text, memory: memory)
            case .cpus: cpuQuota = try Self.cpuQuota(text, onlineCPUs: onlineCPUs)
            case .cpuShares: cpuShares = try Self.integer(text, flag, in: Self.cpuSharesRange,
                                                          why: "the kernel's range for cpu.shares; 1024 is the default")
            case .pidsLimit: pids = try Self.pidsLimit(text)
            case .blkioWeight: blkioWeight = try Self.integer(text, flag, in: Self.blkioWeightRange,
                                                              why: "docker's range for block I/O weight; 500 is the default")
            }
        }
    }

    static func memoryLimit(_ text: String) throws(CgroupLimitError) -> Int64 {
        let bytes = try byteCount(text, .memory)
        guard bytes >= minimumMemory else {
            throw CgroupLimitError(.memory, text, "below the minimum of 6m",
                                   hint: "a process needs a few megabytes just to start")
        }
        return bytes
    }

    static func swapLimit(_ text: String, memory: Int64?) throws(CgroupLimitError) -> SwapLimit {
        guard let memory else {
            throw CgroupLimitError(.memorySwap, text, "needs --memory as well",
                                   hint: "--memory-swap counts memory and swap together")
        }
        if text == "-1" { return .unlimited }
        let bytes = try byteCount(text, .memorySwap)
        guard bytes >= memory else {
            throw CgroupLimitError(.memorySwap, text, "smaller than --memory",
                                   hint: "it counts memory and swap together; equal to --memory means no swap, -1 means unlimited swap")
        }
        return .total(bytes)
    }

    static func cpuQuota(_ text: String, onlineCPUs: Int) throws(CgroupLimitError) -> CPUQuota {
        guard let cpus = Double(text), cpus.isFinite else {
            throw CgroupLimitError(.cpus, text, "not a number", hint: "a number of CPUs, such as 0.5")
        }
        let quota = Int64((cpus * Double(CPUQuota.dockerPeriod)).rounded())
        guard quota >= minimumCPUQuota else {
            throw CgroupLimitError(.cpus, text, cpus <= 0 ? "must be more than zero" : "below the kernel's minimum",
                                   hint: "the kernel's smallest quota is 1 ms per 100 ms period: --cpus 0.01")
        }
        guard cpus <= Double(onlineCPUs) else {
            throw CgroupLimitError(.cpus, text, "more CPUs than this machine has",
                                   hint: "the range is 0.01 to \(onlineCPUs), as there are \(onlineCPUs) CPUs online")
        }
        return CPUQuota(quota: quota, period: CPUQuota.dockerPeriod)
    }

    static func pidsLimit(_ text: String) throws(CgroupLimitError) -> PidsLimit {
        if text == "-1" { return .unlimited }
        let count = try integer(text, .pidsLimit, in: 1...Int64.max, why: "-1 means no limit")
        return .limit(count)
    }

    static func integer(_ text: String, _ flag: CgroupLimitFlag, in range: ClosedRange<Int64>,
                        why: String) throws(CgroupLimitError) -> Int64 {
        guard let value = Int64(text) else {
            throw CgroupLimitError(flag, text, "not a whole number", hint: why)
        }
        guard range.contains(value) else {
            let bounds = range.upperBound == Int64.max ? "at least \(range.lowerBound)"
                : "between \(range.lowerBound) and \(range.upperBound)"
            throw CgroupLimitError(flag, text, "must be \(bounds)", hint: why)
        }
        return value
    }

    /// `64m` → 67108864: a number (decimals allowed, as docker allows them) and a unit
    /// of b, k, m or g, each 1024 times the one before.
    static func byteCount(_ text: String, _ flag: CgroupLimitFlag) throws(CgroupLimitError) -> Int64 {
        let lowered = text.lowercased()
        let number = lowered.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let unit = lowered.dropFirst(number.count)
        let units: [Substring: Double] = ["": 1, "b": 1, "k": 1024, "m": 1024 * 1024, "g": 1024 * 1024 * 1024]
        let usage = "a size such as 64m; units are b, k, m and g"
        if lowered.hasPrefix("-") {
            throw CgroupLimitError(flag, text, "must not be negative", hint: usage)
        }
        guard let value = Double(number) else {
            throw CgroupLimitError(flag, text, "not a size", hint: usage)
        }
        guard let multiplier = units[unit] else {
            throw CgroupLimitError(flag, text, "unknown unit '\(unit)'", hint: usage)
        }
        let bytes = value * multiplier
        guard bytes >= 1, bytes < Double(Int64.max) else {
            throw CgroupLimitError(flag, text, bytes < 1 ? "must be more than zero" : "too large", hint: usage)
        }
        return Int64(bytes)
    }
}
