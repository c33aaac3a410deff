import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling-union diff DIR`: what the upper directory holds, as `docker diff` lists it.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List the changes in the union at DIR: A added, C changed, D deleted.")

    @Argument(help: "A directory dockling-union mounted a union on.") var dir: String
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "union"
        for change in try UnionRegistry(root: store.root).changes(at: dir) {
            Output.line(change.description)
        }
    }
}
