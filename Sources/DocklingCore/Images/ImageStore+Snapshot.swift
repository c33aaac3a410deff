/// Everything a snapshot wrote, for a learner to look at.
public struct Snapshot: Sendable {
    public let layer: NewLayer
    public let config: JSONBlob
    public let manifest: JSONBlob
    public let reference: ImageReference
}

extension ImageStore {
    /// Turns a directory into a one-layer image named `reference`: the directory as a
    /// layer tar, a config saying how to start it, a manifest tying the two together,
    /// and a tag in index.json.
    public func snapshot(directory: String, settings: ImageSettings, reference: ImageReference,
                         createdBy: String) throws -> Snapshot {
        try withLock {
            let layer = try addLayer(fromDirectory: directory)
            let created = Timestamp.now()
            let config = try addConfig(ImageConfiguration(
                created: created, config: settings.executionConfig, rootfs: RootFS(diffIDs: [layer.diffID]),
                history: [HistoryEntry(created: created, createdBy: createdBy)]))
            let manifest = try addManifest(config: config.descriptor, layers: [layer.blob])
            try tag(manifest.descriptor, as: reference)
            return Snapshot(layer: layer, config: config, manifest: manifest, reference: reference)
        }
    }
}
