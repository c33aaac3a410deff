#if canImport(Glibc)
import Glibc
#endif
import CLibArchive

/// libarchive's writer to disk (`archive_write_disk`), set up for layers: modes, times
/// and xattrs restored; owners too when running as root; its own refusals of `..` and
/// of writing through symlinks switched on as a second line of defence.
final class DiskWriter {
    private let archive: OpaquePointer

    init() {
        archive = archive_write_disk_new()
        var options = ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_XATTR
            | ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NODOTDOT
        if geteuid() == 0 { options |= ARCHIVE_EXTRACT_OWNER }
        archive_write_disk_set_options(archive, options)
    }

    deinit { archive_write_free(archive) }

    /// Creates the entry on disk (its pathname already absolute) and copies its data.
    func write(_ entry: ArchiveEntry, name: String, from reader: ArchiveReader) throws {
        guard archive_write_header(archive, entry.pointer) >= ARCHIVE_WARN else {
            throw ArchiveError.libarchive(archive, "unpack '\(name)'")
        }
        if entry.size > 0 {
            while let block = try reader.nextBlock() {
                guard archive_write_data_block(archive, block.bytes.baseAddress, block.bytes.count,
                                               block.offset) >= ARCHIVE_WARN else {
                    throw ArchiveError.libarchive(archive, "unpack the data of '\(name)'")
                }
            }
        }
        guard archive_write_finish_entry(archive) >= ARCHIVE_WARN else {
            throw ArchiveError.libarchive(archive, "finish '\(name)'")
        }
    }

    /// Applies what libarchive defers to the end (directory times and modes).
    func close() throws {
        guard archive_write_close(archive) >= ARCHIVE_WARN else {
            throw ArchiveError.libarchive(archive, "finish unpacking")
        }
    }
}
