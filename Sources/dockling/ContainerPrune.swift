import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling container prune`: every stopped container goes — the containers part of
/// `system prune`, with docker's prompt and report.
struct ContainerPrune: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prune", abstract: "Remove all stopped containers.")

    @Flag(name: [.short, .customLong("force")], help: "Do not prompt for confirmation.") var force = false
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        guard force || Confirmation.ask("WARNING! This will remove all stopped containers.") else { return }
        let report = try SystemPrune(root: store.root).containers()
        PruneReport.show("Deleted Containers:", report.containers, bytes: report.bytes)
    }
}
