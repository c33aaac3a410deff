import CLibArchive

/// Reads an archive with libarchive from any `ArchiveSource`, entry by entry.
final class ArchiveReader {
    enum Input {
        /// One stream of bytes, decompressed if it is compressed (gzip, zstd, …).
        case decompressed
        /// A tar archive, decompressed first or taken as it is.
        case tar(decompressing: Bool)
    }

    private let archive: OpaquePointer
    private let source: SourceBox
    private let label: String

    init(_ input: Input, from source: ArchiveSource, label: String) throws {
        archive = archive_read_new()
        self.source = SourceBox(source)
        self.label = label
        switch input {
        case .decompressed:
            archive_read_support_format_raw(archive)
            archive_read_support_filter_all(archive)
        case .tar(let decompressing):
            archive_read_support_format_tar(archive)
            if decompressing { archive_read_support_filter_all(archive) }
        }
        let context = Unmanaged.passUnretained(self.source).toOpaque()
        guard archive_read_open2(archive, context, nil, readChunk, nil, nil) == ARCHIVE_OK else {
            throw failure("open \(label)")
        }
    }

    deinit { archive_read_free(archive) }

    /// The next entry's header, or nil after the last one.
    func next() throws -> ArchiveEntry? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(archive, &entry)
        if status == ARCHIVE_EOF { return nil }
        guard status >= ARCHIVE_WARN, let entry else { throw failure("read a header of \(label)") }
        return ArchiveEntry(pointer: entry)
    }

    /// The next block of the current entry's data and its offset, or nil at its end.
    func nextBlock() throws -> (bytes: UnsafeRawBufferPointer, offset: Int64)? {
        var buffer: UnsafeRawPointer?
        var size = 0
        var offset: la_int64_t = 0
        let status = archive_read_data_block(archive, &buffer, &size, &offset)
        if status == ARCHIVE_EOF { return nil }
        guard status >= ARCHIVE_WARN else { throw failure("read the data of \(label)") }
        return (UnsafeRawBufferPointer(start: buffer, count: size), offset)
    }

    /// How the input was compressed (libarchive's ARCHIVE_FILTER_* code).
    var filterCode: Int32 { archive_filter_code(archive, 0) }

    /// The source's own error when it raised one, else libarchive's.
    private func failure(_ doing: String) -> Error {
        source.error ?? ArchiveError.libarchive(archive, doing)
    }
}

/// Carries the source through libarchive's `void *` and keeps the error it raised.
private final class SourceBox {
    let source: ArchiveSource
    var error: Error?
    init(_ source: ArchiveSource) { self.source = source }
}

/// libarchive's read callback: hands over the next chunk, 0 at the end, -1 on failure.
private func readChunk(_ archive: OpaquePointer?, _ context: UnsafeMutableRawPointer?,
                       _ buffer: UnsafeMutablePointer<UnsafeRawPointer?>?) -> la_ssize_t {
    let box = Unmanaged<SourceBox>.fromOpaque(context!).takeUnretainedValue()
    do {
        let chunk = try box.source.nextChunk()
        buffer?.pointee = chunk.baseAddress
        return chunk.count
    } catch {
        box.error = error
        return -1
    }
}
