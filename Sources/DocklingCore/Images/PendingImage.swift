/// An image read from an archive whose blobs are staged but not yet in the store.
struct PendingImage {
    /// The manifest as index.json will list it.
    let manifest: Descriptor
    let config: ImageConfiguration
    /// Each layer's descriptor and staged blob, bottom first.
    let layers: [(descriptor: Descriptor, file: StagingFile)]
    /// Every staged blob the image needs: layers, config, manifest.
    let blobs: [StagingFile]
    var names: [ImageReference]

    /// Refuses an image dockling could not run: checks docker and podman make too.
    static func validate(_ config: ImageConfiguration, layerCount: Int, what: String) throws {
        guard config.os == "linux" else {
            throw ImageError("\(what) is an image for \(config.os), not linux")
        }
        guard config.rootfs.diffIDs.count == layerCount else {
            throw ImageError("\(what) has \(layerCount) layers but its config lists \(config.rootfs.diffIDs.count) diff ids")
        }
        let changes = (config.history ?? []).filter { $0.emptyLayer != true }.count
        guard changes <= layerCount else {
            throw ImageError("\(what) has \(changes) history entries that made layers, but only \(layerCount) layers")
        }
    }
}
