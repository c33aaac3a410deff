import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling attach`: join a running container's stdio; Ctrl-p Ctrl-q leaves it running.
struct Attach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Attach to a running container's output (and input, if it was started with -i).")

    @Flag(name: .customLong("no-stdin"), help: "Do not attach STDIN.") var noStdin = false
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(help: "The container.") var container: String

    func run() throws {
        try trace.apply()
        let record = try ContainerStore(root: store.root).find(container)
        guard record.state.status == .running else {
            throw UsageError(step: "attach", "you cannot attach to a stopped container, start it first")
        }
        let client = try AttachClient(containerID: record.id, containerPID: record.state.pid)
        let code = try client.run(sendInput: record.config.interactive && !noStdin, tty: record.config.tty)
        throw ExitWith(code ?? 0)
    }
}
