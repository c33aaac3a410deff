import CLibArchive

/// Writes a tar archive in the POSIX pax format (restricted: plain ustar headers unless
/// a field needs more) to any `ByteSink`.
final class TarWriter {
    private let archive: OpaquePointer
    private let sink: SinkBox

    init(to sink: ByteSink) throws {
        archive = archive_write_new()
        self.sink = SinkBox(sink)
        archive_write_set_format_pax_restricted(archive)
        // Large writes, and no padding of the last block beyond tar's own 512 bytes.
        archive_write_set_bytes_per_block(archive, 256 * 1024)
        archive_write_set_bytes_in_last_block(archive, 1)
        let context = Unmanaged.passUnretained(self.sink).toOpaque()
        guard archive_write_open2(archive, context, nil, writeChunk, nil, nil) == ARCHIVE_OK else {
            throw failure("start a tar archive")
        }
    }

    deinit { archive_write_free(archive) }

    func writeHeader(_ entry: ArchiveEntry) throws {
        guard archive_write_header(archive, entry.pointer) >= ARCHIVE_WARN else {
            throw failure("write the header of '\(entry.pathname)'")
        }
    }

    func writeData(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        guard archive_write_data(archive, bytes.baseAddress, bytes.count) >= 0 else {
            throw failure("write archive data")
        }
    }

    /// Writes the end-of-archive blocks and flushes everything to the sink.
    func finish() throws {
        guard archive_write_close(archive) == ARCHIVE_OK else { throw failure("finish the tar archive") }
    }

    private func failure(_ doing: String) -> Error {
        sink.error ?? ArchiveError.libarchive(archive, doing)
    }
}

/// Carries the sink through libarchive's `void *` and keeps the error it raised.
private final class SinkBox {
    let sink: ByteSink
    var error: Error?
    init(_ sink: ByteSink) { self.sink = sink }
}

/// libarchive's write callback: everything or -1.
private func writeChunk(_ archive: OpaquePointer?, _ context: UnsafeMutableRawPointer?,
                        _ buffer: UnsafeRawPointer?, _ length: Int) -> la_ssize_t {
    let box = Unmanaged<SinkBox>.fromOpaque(context!).takeUnretainedValue()
    do {
        try box.sink.write(UnsafeRawBufferPointer(start: buffer, count: length))
        return length
    } catch {
        box.error = error
        return -1
    }
}
