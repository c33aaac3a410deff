import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling tag`: one more name for an image.
struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "Give an image another name.")

    @Argument(help: ArgumentHelp("The image.", valueName: "source")) var source: String
    @Argument(help: ArgumentHelp("The new name.", valueName: "target[:tag]")) var target: String
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "images"
        let images = store.imageStore()
        try images.tag(images.image(source).manifestDescriptor, as: ImageReference(parsing: target))
    }
}
