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

    @OptionGroup var limits: LimitOptions
    @Option(help: "Name the cgroup dockling-NAME (default: this process's id).")
    var name: String?
    @OptionGroup var trace: TraceOption
    @Argument(parsing: .postTerminator, help: "The command to run, after --.")
    var command: [String] = []

    func run() throws {
        try trace.apply()
        let result = try LimitedCommand(arguments: command, limits: CgroupLimits(parsing: limits.given),
                                        name: name ?? String(getpid())).run()
        for line in result.report {
            ToolMain.report(line.hasPrefix(" ") ? line : "dockling-cgroups: " + line)
        }
        throw ExitWith(result.exitCode)
    }
}
