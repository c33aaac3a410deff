import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling system prune`.
struct SystemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "system", abstract: "Manage dockling.",
                                                    subcommands: [Prune.self])

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "prune", abstract: "Remove unused data.")

        @Flag(name: [.short, .customLong("force")], help: "Do not prompt for confirmation.") var force = false
        @Flag(help: "Prune volumes.") var volumes = false
        @OptionGroup var store: StoreOption
        @OptionGroup var trace: TraceOption

        func run() throws {
            try trace.apply()
            let warning = """
            WARNING! This will remove:
              - all stopped containers
              - all build cache
              - all layers no image or container uses\(volumes ? "\n  - all volumes not used by at least one container" : "")
              - leftovers of interrupted commands (scratch files, cgroups of dead containers)

            """
            guard force || Confirmation.ask(warning) else { return }
            let report = try SystemPrune(root: store.root).run(volumes: volumes)
            if !report.containers.isEmpty {
                Output.line("Deleted Containers:")
                report.containers.forEach(Output.line)
                Output.line("")
            }
            if !report.volumes.isEmpty {
                Output.line("Deleted Volumes:")
                report.volumes.forEach(Output.line)
                Output.line("")
            }
            if !report.buildCache.isEmpty { Output.line("Deleted build cache objects: \(report.buildCache.count)") }
            if !report.layers.isEmpty { Output.line("Deleted Layers: \(report.layers.count)") }
            if !report.leftovers.isEmpty { Output.line("Removed leftovers: \(report.leftovers.count)") }
            Output.line("Total reclaimed space: \(HumanUnits.size(report.bytes))")
        }
    }
}
