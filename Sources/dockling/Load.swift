import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling load`: images from a docker-archive or an OCI archive.
struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load images from a docker-archive or OCI archive (docker, podman or dockling save).")

    @Option(name: .shortAndLong, help: "Read from this file instead of standard input.") var input: String?
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "images"
        let images = store.imageStore()
        images.showsProgress = true
        for loaded in try images.load(from: input.map { .file($0) } ?? .standardInput) {
            if loaded.names.isEmpty { Output.line("Loaded image ID: \(loaded.image.id)") }
            for name in loaded.names { Output.line("Loaded image: \(name.familiarDescription)") }
        }
        LeftoverNotice.show(root: store.root)
    }
}
