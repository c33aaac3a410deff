extension ImageConfiguration {
    /// The config of an image committed on top of this one: the same platform, one more
    /// history entry saying how the new layer was made, the committer as author; it
    /// starts as `execution` (the container's settings), with the `--change`s applied.
    /// `ImageStore.stack` adds the new layer's diff id to `rootfs`.
    func committed(history entry: HistoryEntry, execution: ExecutionConfig,
                   changes: [ImageChange]) -> ImageConfiguration {
        var next = self
        next.created = entry.created
        next.author = entry.author
        next.history = (history ?? []) + [entry]
        var execution = execution
        execution.apply(changes)
        next.config = execution
        return next
    }
}
