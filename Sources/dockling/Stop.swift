import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling stop`: SIGTERM, a grace time, then SIGKILL.
struct Stop: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop one or more running containers.")

    @Option(name: [.short, .customLong("time")], help: "Seconds to wait before killing the container.")
    var time = 10
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(help: "The containers.") var containers: [String]

    func run() throws {
        try trace.apply()
        let records = ContainerStore(root: store.root)
        for reference in containers {
            try ContainerSignals(store: records).stop(records.find(reference), timeout: max(0, time))
            Output.line(reference)
        }
    }
}

/// `dockling kill`: a signal to PID 1, SIGKILL unless told otherwise.
struct Kill: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kill", abstract: "Kill one or more running containers.")

    @Option(name: [.short, .customLong("signal")], help: "Signal to send to the container.") var signal = "KILL"
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(help: "The containers.") var containers: [String]

    func run() throws {
        try trace.apply()
        guard let number = Signals.number(signal) else { throw ValidationError("invalid signal: \(signal)") }
        let records = ContainerStore(root: store.root)
        for reference in containers {
            try ContainerSignals(store: records).kill(records.find(reference), signal: number)
            Output.line(reference)
        }
    }
}
