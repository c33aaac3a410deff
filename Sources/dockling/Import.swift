import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling import`: a tarball of a root filesystem becomes a one-layer image.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Create an image from a tarball of a root filesystem (plain, gzip or zstd).")

    @Argument(help: "The tarball, or - for standard input.") var tarball: String
    @Argument(help: ArgumentHelp("The new image's name.", valueName: "name[:tag]")) var name: String
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "images"
        let images = store.imageStore()
        images.showsProgress = true
        let image = try images.importTarball(from: tarball == "-" ? .standardInput : .file(tarball),
                                             reference: ImageReference(parsing: name))
        Output.line(image.id.description)
    }
}
