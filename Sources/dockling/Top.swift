import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling top`: the processes of a container, with their host pids.
struct Top: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "top", abstract: "Display the running processes of a container.")

    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(help: "The container.") var container: String

    func run() throws {
        try trace.apply()
        let record = try ContainerStore(root: store.root).find(container)
        guard record.state.status == .running else {
            throw UsageError(step: "top", "container \(record.config.name) is not running")
        }
        let rows = [["UID", "PID", "PPID", "CMD"]] + ContainerProcesses.list(record).map {
            [$0.uid, String($0.pid), String($0.ppid), $0.command]
        }
        Output.write(ContainerTable.render(rows), to: 1)
    }
}
