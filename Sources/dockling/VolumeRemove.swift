import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling volume rm`: a volume and its files; refused while any container, running or
/// stopped, names it (remove the container first, as in docker).
struct VolumeRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Remove one or more volumes. You cannot remove a volume that is in use by a container.",
        aliases: ["remove"])

    @Flag(name: [.short, .customLong("force")], help: "Force the removal of one or more volumes.") var force = false
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(help: "The volumes.") var names: [String]

    func run() throws {
        try trace.apply()
        let volumes = VolumeStore(root: store.root)
        var failed = false
        // Like docker: one volume that cannot go does not stop the others.
        for name in names {
            do {
                try volumes.remove(name, force: force)
                Output.line(name)
            } catch let failure as DocklingFailure {
                ToolMain.report("dockling: \(failure)")
                failed = true
            }
        }
        if failed { throw ExitWith(1) }
    }
}
