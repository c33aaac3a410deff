import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling volume inspect`: where a volume's files are, when it was made, its labels.
struct VolumeInspect: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspect",
                                                    abstract: "Display detailed information on one or more volumes.")

    @Option(name: [.short, .customLong("format")],
            help: ArgumentHelp("Format output using a custom template: 'json', or a Go template such as '{{.Mountpoint}}'.",
                               valueName: "string"))
    var format: String?
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(help: "The volumes.") var names: [String]

    func run() throws {
        try trace.apply()
        let template = try InspectFormat.template(format)
        let volumes = VolumeStore(root: store.root)
        var found: [any Encodable] = []
        var failed = false
        for name in names {
            do {
                found.append(try volumes.inspection(name))
            } catch let failure as VolumeError {
                ToolMain.report("dockling: \(failure)")
                failed = true
            }
        }
        try InspectFormat.show(found, through: template)
        if failed { throw ExitWith(1) }
    }
}
