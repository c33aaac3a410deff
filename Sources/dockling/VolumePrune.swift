import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling volume prune`: as docker 23 and later, only anonymous volumes unless `-a`.
/// dockling makes no anonymous volumes (it has no `-v /path` form), so without `-a`
/// nothing qualifies — the same surprise docker gives for named volumes.
struct VolumePrune: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prune", abstract: "Remove unused local volumes.")

    @Flag(name: [.short, .customLong("all")], help: "Remove all unused volumes, not just anonymous ones.") var all = false
    @Flag(name: [.short, .customLong("force")], help: "Do not prompt for confirmation.") var force = false
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        let warning = all ? "WARNING! This will remove all local volumes not used by at least one container."
                          : "WARNING! This will remove anonymous local volumes not used by at least one container."
        guard force || Confirmation.ask(warning) else { return }
        let volumes = VolumeStore(root: store.root)
        let pruned = all ? try volumes.prune(inUse: volumes.namesInUse()) : (names: [], bytes: 0)
        PruneReport.show("Deleted Volumes:", pruned.names, bytes: pruned.bytes)
    }
}
