import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling start`: run a created or stopped container again, with its own upper layer.
struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Start one or more stopped containers.")

    @Flag(name: [.short, .customLong("attach")], help: "Attach to the container's output and wait for it.")
    var attach = false
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(help: "The containers.") var containers: [String]

    func run() throws {
        try trace.apply()
        let starter = ContainerStarter(root: store.root)
        let records = try containers.map(ContainerStore(root: store.root).find)
        if attach {
            guard records.count == 1 else { throw ValidationError("you cannot start and attach multiple containers at once") }
            let config = records[0].config
            let client = try starter.start(records[0], attach: true)
            throw ExitWith(try client?.run(sendInput: config.interactive, tty: config.tty) ?? 0)
        }
        for (reference, record) in zip(containers, records) {
            // Starting a running container changes nothing: docker says its name and exits 0.
            _ = try starter.start(record, attach: false)
            Output.line(reference)
        }
    }
}
