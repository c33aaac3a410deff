import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling image prune`: images no container was made from — only the unnamed
/// (dangling) ones unless `-a` — and the layers only they used.
struct ImagePrune: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prune", abstract: "Remove unused images.")

    @Flag(name: [.short, .customLong("all")], help: "Remove all unused images, not just dangling ones.") var all = false
    @Flag(name: [.short, .customLong("force")], help: "Do not prompt for confirmation.") var force = false
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        let warning = all ? "WARNING! This will remove all images without at least one container associated to them."
                          : "WARNING! This will remove all dangling images."
        guard force || Confirmation.ask(warning) else { return }
        Tracer.shared.step = "images"
        let report = try store.imageStore().prune(all: all)
        PruneReport.show("Deleted Images:", report.lines, bytes: report.bytes)
    }
}
