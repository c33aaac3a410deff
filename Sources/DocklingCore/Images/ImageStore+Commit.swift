/// Everything a commit wrote, for a learner to look at.
public struct Commit: Sendable {
    /// The image the container was made from: the new image is it plus one layer.
    public let parent: StoredImage
    public let layer: NewLayer
    public let config: JSONBlob
    public let manifest: JSONBlob
    /// The manifest's layers, bottom first: the parent's, then the new one.
    public let layers: [Descriptor]
    /// The cgroup that was frozen while the layer was written; nil when nothing ran.
    public let frozenCgroup: String?

    /// The new image's id: the digest of its config.
    public var imageID: Digest { config.descriptor.digest }
}

extension ImageStore {
    /// `docker commit`: the container's upper directory — everything it changed — becomes
    /// one more layer on top of its image's layers, which the new manifest shares with the
    /// image rather than copying. The layer, config and manifest are written as blobs
    /// first; the image exists only from the last step, the rename of index.json, so a
    /// commit killed half-way leaves no name pointing at half an image.
    public func commit(_ container: ContainerRecord, _ request: CommitRequest) throws -> Commit {
        let parent = try image(container.config.imageID)
        let freezer = request.pause && container.state.status == .running ? try Self.freezer(of: container) : nil
        return try withLock {
            let writeLayer = { try self.addLayer(fromDirectory: container.upper, as: .overlayUpper) }
            let layer = try freezer.map { try $0.whileFrozen(holding: lockFD, writeLayer) } ?? writeLayer()
            var entry = HistoryEntry(created: Timestamp.now(), createdBy: container.config.commandLine,
                                     comment: request.comment)
            entry.author = request.author
            let execution = container.config.execution(over: parent.config.config ?? ExecutionConfig())
            let stacked = try stack(on: parent, layer: layer, config: parent.config.committed(
                history: entry, execution: execution, changes: request.changes))
            try tag(stacked.manifest.descriptor, as: request.reference)
            return Commit(parent: parent, layer: layer, config: stacked.config, manifest: stacked.manifest,
                          layers: stacked.layers, frozenCgroup: freezer?.directory)
        }
    }

    /// The freezer of a running container's cgroup; nil when the container has just ended.
    private static func freezer(of container: ContainerRecord) throws -> CgroupFreezer? {
        guard let pid = container.state.pid else { return nil }
        return try CgroupFreezer.find(pid: pid, cgroupName: CgroupSession.cgroupName(for: container.id))
    }
}
