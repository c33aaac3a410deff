import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling rmi`: remove names, and images once no name is left.
struct Rmi: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rmi", abstract: "Remove images.")

    @Flag(name: .shortAndLong, help: "Remove an image with several names, or one a container uses (its names only).")
    var force = false
    @Argument(help: "The images.") var images: [String]
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "images"
        let store = store.imageStore()
        var failed = false
        // Like docker: one image that cannot go does not stop the others.
        for name in images {
            do {
                for line in try store.remove(name, force: force) { Output.line(line) }
            } catch let failure as DocklingFailure {
                ToolMain.report("dockling: \(failure)")
                failed = true
            }
        }
        LeftoverNotice.show(root: self.store.root)
        if failed { throw ExitWith(125) }
    }
}
