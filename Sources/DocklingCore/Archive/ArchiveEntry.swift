#if canImport(Glibc)
import Glibc
#endif
import CLibArchive

/// One header of a tar archive (libarchive's `struct archive_entry`), with the fields
/// dockling reads and sets spelled as Swift properties.
struct ArchiveEntry {
    let pointer: OpaquePointer

    var pathname: String {
        get { archive_entry_pathname(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { archive_entry_copy_pathname(pointer, newValue) }
    }

    /// The path an earlier entry was stored under, when this entry is a hard link to it.
    var hardlink: String? {
        get { archive_entry_hardlink(pointer).map { String(cString: $0) } }
        nonmutating set { archive_entry_copy_hardlink(pointer, newValue) }
    }

    var symlink: String? { archive_entry_symlink(pointer).map { String(cString: $0) } }

    var size: Int64 {
        get { archive_entry_size(pointer) }
        nonmutating set { archive_entry_set_size(pointer, newValue) }
    }

    /// `S_IFREG`, `S_IFDIR`, `S_IFLNK`, …
    var fileType: mode_t { mode_t(archive_entry_filetype(pointer)) }
    var isDirectory: Bool { fileType == S_IFDIR }
    var isRegularFile: Bool { fileType == S_IFREG }

    /// The extended attributes, in the order they are stored.
    var xattrs: [(name: String, value: [UInt8])] {
        var result: [(String, [UInt8])] = []
        archive_entry_xattr_reset(pointer)
        var name: UnsafePointer<CChar>?
        var value: UnsafeRawPointer?
        var size = 0
        while archive_entry_xattr_next(pointer, &name, &value, &size) == ARCHIVE_OK, let name {
            let bytes = value.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? []
            result.append((String(cString: name), bytes))
        }
        return result
    }

    /// Replaces the extended attributes.
    func setXattrs(_ list: [(name: String, value: [UInt8])]) {
        archive_entry_xattr_clear(pointer)
        for (name, value) in list {
            value.withUnsafeBytes { archive_entry_xattr_add_entry(pointer, name, $0.baseAddress, $0.count) }
        }
    }
}
