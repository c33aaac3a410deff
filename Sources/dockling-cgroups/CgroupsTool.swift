import ArgumentParser
import DocklingCLI
import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// `dockling-cgroups`: runs a command on the host, in a new cgroup with docker's resource
/// limits, then says what the kernel counted. No namespaces: this tool shows one concept.
struct CgroupsTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dockling-cgroups",
        abstract: "Run a command in a new cgroup with docker's resource limits, and watch the kernel enforce them.",
        discussion: "Each limit is a number written into a cgroup file; --trace shows every write.")

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
    @Option(help: "Name the cgroup dockling-NAME (default: this process's id).")
    var name: String?
    @OptionGroup var trace: TraceOption
    @Argument(parsing: .postTerminator, help: "The command to run, after --.")
    var command: [String] = []

    func run() throws {
        try trace.apply()
        let given: [CgroupLimitFlag: String?] = [
            .memory: memory, .memorySwap: memorySwap, .cpus: cpus,
            .cpuShares: cpuShares, .pidsLimit: pidsLimit, .blkioWeight: blkioWeight,
        ]
        let limits = try CgroupLimits(parsing: given.compactMapValues { $0 })
        let result = try LimitedCommand(arguments: command, limits: limits,
                                        name: name ?? String(getpid())).run()
        for line in result.report {
            ToolMain.report(line.hasPrefix(" ") ? line : "dockling-cgroups: " + line)
        }
        throw ExitWith(result.exitCode)
    }
}
