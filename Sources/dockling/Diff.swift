import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling diff`: the container's upper directory read as `docker diff` reads it —
/// A added, C changed, D deleted — against the image's layers.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the files a container added (A), changed (C) and deleted (D).")

    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(help: "The container.") var container: String

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "commit"
        let record = try ContainerStore(root: store.root).find(container)
        for change in try UnionDiff.changes(upper: record.upper, layers: record.config.layers) {
            Output.line(change.description)
        }
    }
}
