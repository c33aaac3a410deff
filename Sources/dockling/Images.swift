import ArgumentParser
import DocklingCLI
import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// `dockling images`: the images in the store, one row per name.
struct Images: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "images", abstract: "List images.")

    @OptionGroup var options: ImageListOptions

    func run() throws { try options.run() }
}

/// What `dockling images` and `dockling image ls` share.
struct ImageListOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Only show image ids.") var quiet = false
    @Argument(help: ArgumentHelp("Only this repository (and tag).", valueName: "repository[:tag]"))
    var repository: String?
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "images"
        let filter = try repository.map(ImageSummary.Filter.init)
        let rows = try store.imageStore().summaries().filter { row in filter?.matches(row) ?? true }
        if quiet {
            var seen = Set<Digest>()
            for row in rows where seen.insert(row.image.id).inserted { Output.line(row.image.id.short) }
        } else {
            Output.write(ImageSummary.table(rows, now: Double(time(nil))), to: 1)
        }
        LeftoverNotice.show(root: store.root)
    }
}
