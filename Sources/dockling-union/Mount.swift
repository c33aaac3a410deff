import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling-union mount IMAGE DIR`: the image's layers (lowerdir), an upper and a work
/// directory, one overlay mount at DIR — and where each of them is.
struct Mount: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mount",
        abstract: "Mount an image's layers at DIR under a writable upper directory.")

    @Argument(help: "The image (busybox is made on first use).") var image: String
    @Argument(help: "An existing directory to mount the union on.") var dir: String
    @Option(help: ArgumentHelp("Keep the changes here instead of a fresh directory (kept by umount).",
                               valueName: "dir")) var upper: String?
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "union"
        let record = try UnionRegistry(root: store.root).mount(image: image, at: dir, upper: upper)
        Output.line(record.report(mountedAs: dir))
    }
}
