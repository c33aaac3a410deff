import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling commit`: what a container changed becomes one more layer on top of its
/// image's, and the result a new image.
struct CommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit", abstract: "Create a new image from a container's changes.",
        usage: "dockling commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]")

    @Option(name: [.short, .customLong("message")], help: "Commit message (the history entry's comment).")
    var message: String?
    @Option(name: [.short, .customLong("author")], help: "Author (e.g., \"Jane <jane@example.com>\").")
    var author: String?
    @Option(name: [.short, .customLong("change")],
            help: ArgumentHelp("A Dockerfile instruction for the image: CMD, ENTRYPOINT, ENV, WORKDIR or EXPOSE.",
                               valueName: "instruction"))
    var change: [String] = []
    @Flag(name: [.customShort("p"), .customLong("pause")], inversion: .prefixedNo,
          help: "Pause a running container while its files are copied.")
    var pause = true
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(help: "The container.") var container: String
    @Argument(help: ArgumentHelp("The new image's name.", valueName: "repository[:tag]")) var reference: String?

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "commit"
        let request = CommitRequest(reference: try reference.map { try ImageReference(parsing: $0) },
                                    comment: message, author: author,
                                    changes: try change.map { try ImageChange(parsing: $0) }, pause: pause)
        let record = try ContainerStore(root: store.root).find(container)
        Output.line(try store.imageStore().commit(record, request).imageID.description)
        LeftoverNotice.show(root: store.root)
    }
}
