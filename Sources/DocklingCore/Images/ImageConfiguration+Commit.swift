extension ImageConfiguration {
    /// The config of an image committed on top of this one: the same platform, start-up
    /// settings and layers, plus the new layer's diff id, one more history entry saying
    /// how that layer was made, the committer as author, and the `--change`s.
    func committed(layer diffID: Digest, history entry: HistoryEntry, changes: [ImageChange]) -> ImageConfiguration {
        var next = self
        next.created = entry.created
        next.author = entry.author
        next.rootfs.diffIDs.append(diffID)
        next.history = (history ?? []) + [entry]
        var execution = config ?? ExecutionConfig()
        execution.apply(changes)
        next.config = execution
        return next
    }
}
