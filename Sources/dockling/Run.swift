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

    func validate() throws { try answerHelp(); try RunFlags.validate(imageAndCommand: imageAndCommand) }

    func run() throws {
        try trace.apply()
        // dockling-init loads, and makes the cgroup, while the image is looked up and
        // the container made.
        let (id, monitor) = try EarlyMonitor.take()
        // Ctrl-C while the container is made and started waits until it runs: then the
        // attach client passes it on to the container (and --rm removes it), or, with
        // -d, it ends this command. No half-started container is left behind.
        let interrupts = try Interrupts.hold(note: "Ctrl-C waits until the container runs")
        let record: ContainerRecord
        let client: AttachClient?
        do {
            record = try create(id: id, monitor: monitor)
            client = try ContainerStarter(root: store.root).start(record, attach: !detach, monitor: monitor)
        } catch {
            Interrupts.release(interrupts, note: "no container runs: let a pending Ctrl-C in")
            throw error
        }
        guard let client else {
            Output.line(record.id)
            Interrupts.release(interrupts, note: "detached: a pending Ctrl-C ends only this command")
            return
        }
        throw ExitWith(try client.run(sendInput: flags.interactive, tty: flags.tty) ?? 0)
    }

    /// Makes the container; when that fails, its dockling-init is told there is none.
    private func create(id: String, monitor: InitProcess) throws -> ContainerRecord {
        do {
            return try flags.create(imageAndCommand: imageAndCommand, root: store.root, id: id)
        } catch {
            monitor.cancel()
            throw error
        }
    }
}
