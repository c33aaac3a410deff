/// Somewhere an archive's bytes come from, one chunk at a time: a file, standard
/// input, or the decompressed stream of a blob. An empty chunk means the end.
/// A chunk stays valid until the next call.
protocol ArchiveSource: AnyObject {
    func nextChunk() throws -> UnsafeRawBufferPointer
}
