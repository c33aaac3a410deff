import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling rm`: a stopped container's folder, upper layer and log go; named volumes stay.
struct Rm: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove one or more containers.")

    @Flag(name: [.short, .customLong("force")], help: "Force the removal of a running container (uses SIGKILL).")
    var force = false
    @Flag(name: [.short, .customLong("volumes")],
          help: "Remove anonymous volumes (dockling has only named volumes, which outlive containers).")
    var volumes = false
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(help: "The containers.") var containers: [String]

    func run() throws {
        try trace.apply()
        let records = ContainerStore(root: store.root)
        var failed = false
        for reference in containers {
            do {
                let record = try records.find(reference)
                if record.state.status == .running {
                    guard force else {
                        throw UsageError(step: "rm", "cannot remove container \(reference): container is running",
                                         hint: "stop the container before removing or use -f")
                    }
                    try ContainerSignals(store: records).forceEnd(record)
                }
                try records.remove(record.id)
                Output.line(reference)
            } catch let failure as DocklingFailure {
                ToolMain.report("dockling: \(failure)")
                failed = true
            }
        }
        LeftoverNotice.show(root: store.root)
        if failed { throw ExitWith(1) }
    }
}
