import ArgumentParser
import DocklingCLI
import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// `dockling save`: images as a tar that docker, podman and skopeo can read.
struct Save: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save",
        abstract: "Save images to a tar archive (standard output unless -o).")

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
    @Option(help: "docker (docker-archive with an OCI layout inside) or oci (OCI archive).") var format = "docker"
    @Argument(help: "The images to save.") var images: [String]
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func validate() throws {
        guard SaveFormat(rawValue: format) != nil else {
            throw ValidationError("--format takes docker or oci, not '\(format)'")
        }
    }

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "images"
        if output == nil && isatty(1) == 1 {
            throw UsageError(step: "images", "refusing to write an archive to a terminal",
                             hint: "use -o FILE or redirect standard output")
        }
        let store = store.imageStore()
        store.showsProgress = true
        try store.save(images, format: SaveFormat(rawValue: format) ?? .docker,
                       to: output.map { .file($0) } ?? .standardOutput)
    }
}
