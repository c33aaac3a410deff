import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling exec`: a second process in a running container's namespaces and cgroup.
struct Exec: PassthroughCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Execute a command in a running container.",
        usage: "dockling exec [OPTIONS] CONTAINER COMMAND [ARG...]")

    @Flag(name: [.short, .customLong("interactive")], help: "Keep STDIN open.") var interactive = false
    @Flag(name: [.short, .customLong("tty")], help: "Allocate a pseudo-TTY.") var tty = false
    @Option(name: [.short, .customLong("env")], help: "Set an environment variable.") var env: [String] = []
    @Option(name: [.short, .customLong("workdir")], help: "Working directory inside the container.") var workdir: String?
    @Option(name: [.short, .customLong("user")], help: "Username or UID (format: name|uid[:group|gid]).") var user: String?
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(parsing: .captureForPassthrough, help: "The container, then the command and its arguments.")
    var containerAndCommand: [String] = []
    var passthrough: [String] { get { containerAndCommand } set { containerAndCommand = newValue } }

    func validate() throws {
        try answerHelp()
        guard containerAndCommand.count >= 2 else {
            throw ValidationError("requires at least 2 arguments: CONTAINER COMMAND [ARG...]")
        }
        if containerAndCommand[0].hasPrefix("-") { throw ValidationError("unknown flag: \(containerAndCommand[0])") }
    }

    func run() throws {
        try trace.apply()
        let record = try ContainerStore(root: store.root).find(containerAndCommand[0])
        throw ExitWith(try ContainerExec(record: record, root: store.root).run(
            Array(containerAndCommand.dropFirst()), environment: env, workingDirectory: workdir, user: user,
            interactive: interactive, tty: tty))
    }
}
