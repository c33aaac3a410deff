import ArgumentParser
import DocklingCLI
import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// `dockling history`: the steps that made an image, newest first.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Show how an image was made, layer by layer.")

    @Flag(help: "Show whole commands.") var noTrunc = false
    @Argument(help: "The image.") var image: String
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "images"
        let image = try store.imageStore().image(image)
        Output.write(ImageHistoryRow.table(image.history, now: Double(time(nil)), truncate: !noTrunc), to: 1)
    }
}
