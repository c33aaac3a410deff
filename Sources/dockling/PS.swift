import ArgumentParser
import DocklingCLI
import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// `dockling ps`: the containers, newest first, in docker's columns.
struct PS: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ps", abstract: "List containers.")

    @Flag(name: [.short, .customLong("all")], help: "Show all containers (default shows just running).")
    var all = false
    @Flag(name: [.short, .customLong("quiet")], help: "Only display container IDs.") var quiet = false
    @Flag(name: .customLong("no-trunc"), help: "Don't truncate output.") var noTrunc = false
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        let stored = try ContainerStore(root: store.root).all()
        defer { LeftoverNotice.show(root: store.root, containers: stored) }
        let records = stored
            .filter { all || $0.state.status == .running }
            .sorted { $0.config.created > $1.config.created }
        if quiet {
            for record in records { Output.line(noTrunc ? record.id : record.config.shortID) }
            return
        }
        let now = Double(time(nil))
        let rows = [ContainerTable.header] + records.map { ContainerTable.row($0, now: now, noTrunc: noTrunc) }
        Output.write(ContainerTable.render(rows), to: 1)
    }
}
