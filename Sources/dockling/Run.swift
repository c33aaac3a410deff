import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling run` = create + start: every concept at once.
struct Run: PassthroughCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Create and run a new container from an image.",
        usage: "dockling run [OPTIONS] IMAGE [COMMAND] [ARG...]")

    @Flag(name: [.short, .customLong("detach")], help: "Run the container in the background and print its ID.")
    var detach = false
    @OptionGroup var flags: RunFlags
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(parsing: .captureForPassthrough, help: "The image, then the command and its arguments.")
    var imageAndCommand: [String] = []
    var passthrough: [String] { get { imageAndCommand } set { imageAndCommand = newValue } }

    func validate() throws { try RunFlags.validate(imageAndCommand: imageAndCommand, helpFor: self) }

    func run() throws {
        try trace.apply()
        // dockling-init loads, and makes the cgroup, while the image is looked up and
        // the container made.
        let (id, monitor) = try EarlyMonitor.take()
        let record: ContainerRecord
        do {
            record = try flags.create(imageAndCommand: imageAndCommand, root: store.root, id: id)
        } catch {
            monitor.cancel()
            throw error
        }
        let client = try ContainerStarter(root: store.root).start(record, attach: !detach, monitor: monitor)
        guard let client else {
            Output.line(record.id)
            return
        }
        throw ExitWith(try client.run(sendInput: flags.interactive, tty: flags.tty) ?? 0)
    }
}
