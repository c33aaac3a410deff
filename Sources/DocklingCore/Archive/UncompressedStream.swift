/// The uncompressed bytes of a layer blob, hashed as they pass: their sha256 is the
/// layer's diff id, which the image config lists. Compressed or not, a layer's diff
/// id never changes.
final class UncompressedStream: ArchiveSource {
    private let raw: ArchiveReader
    private let hasData: Bool
    private var digester = Digester()
    /// How the blob was compressed.
    let compression: Compression

    init(_ blob: ArchiveSource, label: String) throws {
        raw = try ArchiveReader(.decompressed, from: blob, label: label)
        hasData = try raw.next() != nil
        compression = Compression(filterCode: raw.filterCode)
    }

    func nextChunk() throws -> UnsafeRawBufferPointer {
        guard hasData, let block = try raw.nextBlock() else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        digester.update(block.bytes)
        return block.bytes
    }

    /// Reads whatever the tar reader left (the end-of-archive padding) and returns the
    /// diff id.
    func finish() throws -> Digest {
        while try !nextChunk().isEmpty {}
        return digester.finalize()
    }
}
