import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling-union umount DIR`: take the union down and remove what mount made.
struct Umount: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "umount",
        abstract: "Unmount the union at DIR and remove its work directory and the upper directory it made.")

    @Argument(help: "A directory dockling-union mounted a union on.") var dir: String
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "union"
        let record = try UnionRegistry(root: store.root).unmount(dir)
        Output.line(record.createdUpper
            ? "unmounted \(dir); its upper directory went with it"
            : "unmounted \(dir); the changes stay in \(record.union.upper)")
    }
}
