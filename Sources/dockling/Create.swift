import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling create`: the container's folder, config and union, but no process yet.
struct Create: PassthroughCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a new container without starting it.",
        usage: "dockling create [OPTIONS] IMAGE [COMMAND] [ARG...]")

    @OptionGroup var flags: RunFlags
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(parsing: .captureForPassthrough, help: "The image, then the command and its arguments.")
    var imageAndCommand: [String] = []
    var passthrough: [String] { get { imageAndCommand } set { imageAndCommand = newValue } }

    func validate() throws { try answerHelp(); try RunFlags.validate(imageAndCommand: imageAndCommand) }

    func run() throws {
        try trace.apply()
        Output.line(try flags.create(imageAndCommand: imageAndCommand, root: store.root).id)
    }
}
