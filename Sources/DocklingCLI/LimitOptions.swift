import ArgumentParser
import DocklingCore

/// docker's resource limits, spelled as `docker run` spells them: shared by `dockling run`,
/// `dockling create` and `dockling-cgroups`. The values are checked by `CgroupLimits`.
public struct LimitOptions: ParsableArguments {
    // `.unconditional` so that `--pids-limit -1` reaches the parser instead of looking like a flag.
    @Option(parsing: .unconditional, help: "Memory limit, with unit b, k, m or g (such as 64m).")
    var memory: String?
    @Option(name: .customLong("memory-swap"), parsing: .unconditional, help: "Memory plus swap (-1: unlimited swap).")
    var memorySwap: String?
    @Option(parsing: .unconditional, help: "CPU time per 100 ms period, in CPUs (such as 0.5).")
    var cpus: String?
    @Option(name: .customLong("cpu-shares"), parsing: .unconditional, help: "Relative CPU weight, 2 to 262144 (default 1024).")
    var cpuShares: String?
    @Option(name: .customLong("pids-limit"), parsing: .unconditional, help: "Most processes at once (-1: no limit).")
    var pidsLimit: String?
    @Option(name: .customLong("blkio-weight"), parsing: .unconditional, help: "Relative block I/O weight, 10 to 1000.")
    var blkioWeight: String?

    public init() {}

    /// The limits given on the command line, as typed.
    public var given: [CgroupLimitFlag: String] {
        let values: [CgroupLimitFlag: String?] = [
            .memory: memory, .memorySwap: memorySwap, .cpus: cpus,
            .cpuShares: cpuShares, .pidsLimit: pidsLimit, .blkioWeight: blkioWeight,
        ]
        return values.compactMapValues { $0 }
    }
}
