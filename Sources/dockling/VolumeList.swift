import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling volume ls`: docker's two columns, DRIVER and VOLUME NAME.
struct VolumeList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ls", abstract: "List volumes.", aliases: ["list"])

    @Flag(name: [.short, .customLong("quiet")], help: "Only display volume names.") var quiet = false
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        let names = VolumeStore(root: store.root).names()
        if quiet {
            names.forEach(Output.line)
        } else {
            Output.write(TextTable.render([["DRIVER", "VOLUME NAME"]] + names.map { ["local", $0] }), to: 1)
        }
    }
}
