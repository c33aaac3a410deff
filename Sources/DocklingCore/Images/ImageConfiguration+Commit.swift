extension ImageConfiguration {
    /// The config of an image committed on top of this one: the same platform and
    /// layers, plus the new layer's diff id, one more history entry saying how that
    /// layer was made, the committer as author; it starts as `execution` (the
    /// container's settings), with the `--change`s applied.
    func committed(layer diffID: Digest, history entry: HistoryEntry, execution: ExecutionConfig,
                   changes: [ImageChange]) -> ImageConfiguration {
        var next = self
        next.created = entry.created
        next.author = entry.author
        next.rootfs.diffIDs.append(diffID)
        next.history = (history ?? []) + [entry]
        var execution = execution
        execution.apply(changes)
        next.config = execution
        return next
    }
}
