import ArgumentParser
import DocklingCLI
import DocklingCore

/// Lesson 04: an image is a filesystem snapshot plus a startup command.
///
/// The directory becomes one layer tar; a config records how to start it and lists the
/// layer by the digest of its bytes; a manifest points at the config and the layer by
/// digest; index.json gives the manifest a name. Every step prints what it made.
struct SnapshotTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dockling-snapshot",
        abstract: "Snapshot a directory into a one-layer image and show every digest.")

    @Argument(help: "The directory to snapshot.") var directory: String
    @Option(help: ArgumentHelp("The image's name.", valueName: "name[:tag]")) var tag: String
    @Option(help: "Default command: words, or a JSON array.") var cmd: String?
    @Option(help: "Program that always runs, given the command as arguments.") var entrypoint: String?
    @Option(help: ArgumentHelp("An environment variable (repeatable).", valueName: "key=value")) var env: [String] = []
    @Option(help: "Working directory of the container.") var workdir: String?
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "images"
        let reference = try ImageReference(parsing: tag)
        let settings = try ImageSettings(cmd: cmd, entrypoint: entrypoint, env: env, workingDir: workdir)
        let snapshot = try store.imageStore().snapshot(
            directory: directory, settings: settings, reference: reference,
            createdBy: "dockling-snapshot \(directory)")

        let layer = snapshot.layer
        print("1. layer: \(directory) as a tar of \(layer.entryCount) entries, \(layer.blob.size) bytes")
        print("   digest   \(layer.blob.digest)   (sha256 of the blob as stored)")
        print("   diff id  \(layer.diffID)   (sha256 of the uncompressed tar)")
        print("2. config: how to start the image, and its layers by diff id (\(snapshot.config.bytes.count) bytes)")
        print("   " + String(decoding: snapshot.config.bytes, as: UTF8.self))
        print("   digest   \(snapshot.config.descriptor.digest)   (this is the image id)")
        print("3. manifest: the config and the layers, by digest (\(snapshot.manifest.bytes.count) bytes)")
        print("   " + String(decoding: snapshot.manifest.bytes, as: UTF8.self))
        print("   digest   \(snapshot.manifest.descriptor.digest)")
        print("4. tag: index.json now names that manifest \(reference.familiarDescription)")
    }
}
