#if canImport(Glibc)
import Glibc
#endif
import CLibArchive

/// Entries for archives that carry images rather than root filesystems: owned by root,
/// readable by all, dated at the epoch, so that saving the same image twice gives the
/// same bytes.
extension TarWriter {
    func addDirectory(_ name: String) throws {
        try withEntry(name, type: S_IFDIR, perm: 0o755, size: 0) { _ in }
    }

    func addFile(_ name: String, bytes: [UInt8]) throws {
        try withEntry(name, type: S_IFREG, perm: 0o644, size: Int64(bytes.count)) { tar in
            try bytes.withUnsafeBytes { try tar.writeData($0) }
        }
    }

    /// A file whose `size` bytes come from `source`.
    func addFile(_ name: String, size: Int64, from source: ArchiveSource) throws {
        try withEntry(name, type: S_IFREG, perm: 0o644, size: size) { tar in
            while case let chunk = try source.nextChunk(), !chunk.isEmpty { try tar.writeData(chunk) }
        }
    }

    private func withEntry(_ name: String, type: mode_t, perm: mode_t, size: Int64,
                           _ data: (TarWriter) throws -> Void) throws {
        let entry = ArchiveEntry(pointer: archive_entry_new())
        defer { archive_entry_free(entry.pointer) }
        entry.pathname = name
        archive_entry_set_filetype(entry.pointer, UInt32(type))
        archive_entry_set_perm(entry.pointer, perm)
        archive_entry_set_mtime(entry.pointer, 0, 0)
        entry.size = size
        try writeHeader(entry)
        try data(self)
    }
}
