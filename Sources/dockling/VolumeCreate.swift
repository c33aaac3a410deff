import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling volume create [NAME]`: an empty volume, ready for `run -v NAME:/path`.
struct VolumeCreate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a volume.")

    @Option(name: [.short, .customLong("driver")], help: "Specify volume driver name (only local).") var driver = "local"
    @Option(help: "Set metadata for a volume (KEY=VALUE).") var label: [String] = []
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(help: "The volume's name (a random one if none).") var name: String?

    func run() throws {
        try trace.apply()
        guard driver == "local" else {
            throw VolumeError("create \(name ?? ""): error looking up volume plugin \(driver): plugin \"\(driver)\" not found")
        }
        var labels: [String: String] = [:]
        for pair in label {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            labels[parts[0]] = parts.count == 2 ? parts[1] : ""
        }
        Output.line(try VolumeStore(root: store.root).create(name, labels: labels))
    }
}
