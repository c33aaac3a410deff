import ArgumentParser
import DocklingCLI
import DocklingCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Where a command's stdin, stdout and stderr point, and who moves the bytes.
struct StdioTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dockling-stdio",
        abstract: "Run a command with its stdio wired as docker's -i, -t and -d wire it.",
        discussion: "Before the command runs, its descriptors 0, 1 and 2 are shown from /proc/PID/fd.")

    @Flag(name: .short, help: "Keep stdin: the command reads what you type (a pipe).") var interactive = false
    @Flag(name: .short, help: "A pseudo-terminal as the command's stdin, stdout and stderr.") var tty = false
    @Flag(name: .short, help: "Detach: output goes to a log file, and dockling-stdio returns at once.") var detach = false
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(parsing: .postTerminator, help: "The command and its arguments, after --.") var command: [String] = []

    func run() throws {
        try trace.apply()
        guard !command.isEmpty else {
            throw UsageError(step: "stdio", "no command given", hint: "put the command after --, e.g. dockling-stdio -t -- sh")
        }
        let mode: StdioSession.Mode
        if detach {
            try FileManager.default.createDirectory(atPath: store.root.tmp, withIntermediateDirectories: true)
            mode = .detached(log: store.root.tmp + "/stdio-\(getpid()).log")
        } else {
            mode = tty ? .terminal : .pipes(interactive: interactive)
        }
        throw ExitWith(try StdioSession(argv: command, mode: mode).run())
    }
}
