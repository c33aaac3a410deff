import ArgumentParser
import DocklingCLI
import DocklingCore

/// Lesson 05: a container is its image plus one writable layer, and `docker commit`
/// freezes that layer into a new image.
///
/// The container's upper directory holds everything it changed, in overlayfs's spelling:
/// a deleted file is a character device 0:0, a directory deleted and made again carries
/// `trusted.overlay.opaque=y`. The layer tar says the same in OCI's spelling, which every
/// runtime reads: an empty `.wh.NAME`, and `DIR/.wh..wh..opq`. Then a config (the
/// parent's, plus the new diff id and a history entry), a manifest (the parent's layers,
/// shared, plus the new one) and a tag. Every step prints what it made.
struct CommitTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dockling-commit",
        abstract: "Commit a container's changes as a new image and show each whiteout and digest.")

    @Argument(help: "The container: name, id or id prefix.") var container: String
    @Argument(help: ArgumentHelp("The new image's name.", valueName: "name[:tag]")) var name: String
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption

    func run() throws {
        try trace.apply()
        Tracer.shared.step = "commit"
        let record = try ContainerStore(root: store.root).find(container)
        let reference = try ImageReference(parsing: name)
        let commit = try store.imageStore().commit(record, CommitRequest(reference: reference))
        let layer = commit.layer
        let parent = commit.parent.names.first?.familiarDescription ?? commit.parent.id.short

        print("1. upper directory of \(record.config.name): what it changed, in overlayfs's spelling")
        if let cgroup = commit.frozenCgroup { print("   (read while the container was frozen: \(cgroup))") }
        for entry in layer.entries { print("   " + entry.upperLine) }
        print("2. layer tar: the same changes in OCI's spelling, \(layer.entryCount) entries, \(layer.blob.size) bytes")
        for entry in layer.entries { entry.tarLines.forEach { print("   " + $0) } }
        print("   digest   \(layer.blob.digest)   (sha256 of the blob as stored)")
        print("   diff id  \(layer.diffID)   (sha256 of the uncompressed tar)")
        print("3. config: \(parent)'s config, plus that diff id and a history entry (\(commit.config.bytes.count) bytes)")
        print("   digest   \(commit.imageID)   (this is the image id)")
        print("4. manifest: \(parent)'s layers, shared, plus the new one: \(commit.layers.count) in all")
        for (number, blob) in commit.layers.enumerated() {
            let origin = blob == layer.blob ? "new" : "from \(parent), already in the store"
            print("   layer \(number + 1)  \(blob.digest)   (\(origin))")
        }
        print("   digest   \(commit.manifest.descriptor.digest)")
        print("5. tag: index.json now names that manifest \(reference.familiarDescription)")
    }
}
