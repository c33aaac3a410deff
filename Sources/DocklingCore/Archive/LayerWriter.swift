import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import CLibArchive

/// Writes a directory tree as a layer tar so that the same tree always gives the same
/// bytes — and so the same digest: entries in sorted order, paths relative to the
/// directory, owners, modes and modification times as on disk, xattrs sorted by name,
/// and nothing that changes by merely looking (access and change times, user names).
/// An overlay upper directory has its whiteouts converted (`LayerWriter+Overlay.swift`).
final class LayerWriter {
    private let directory: String
    let source: LayerSource
    let tar: TarWriter
    private let disk: OpaquePointer
    /// The first path of each inode with several links, so later ones become hard links.
    private var firstLinks: [InodeKey: String] = [:]
    /// Every file read so far and what the tar got for it.
    private(set) var entries: [LayerEntry] = []

    private struct InodeKey: Hashable {
        let device: UInt64
        let inode: Int64
    }

    /// Writes `directory` to `sink` and returns each file it read, with its tar entries.
    static func write(directory: String, as source: LayerSource = .tree, to sink: ByteSink) throws -> [LayerEntry] {
        let writer = try LayerWriter(directory: directory, source: source, sink: sink)
        try writer.visit("")
        try writer.tar.finish()
        return writer.entries
    }

    private init(directory: String, source: LayerSource, sink: ByteSink) throws {
        guard let info = FileIO.lstat(directory), info.isDirectory else {
            throw ArchiveError("\(directory) is not a directory", errno: .ENOTDIR)
        }
        self.directory = directory
        self.source = source
        tar = try TarWriter(to: sink)
        disk = archive_read_disk_new()
        archive_read_disk_set_symlink_physical(disk)
        archive_read_disk_set_behavior(disk, ARCHIVE_READDISK_NO_ACL | ARCHIVE_READDISK_NO_FFLAGS
                                             | ARCHIVE_READDISK_NO_SPARSE)
    }

    deinit { archive_read_free(disk) }

    /// Writes `path` (relative; empty for the top, which gets no entry) and, for a
    /// directory, everything below it in byte order of the names.
    private func visit(_ path: String) throws {
        let full = path.isEmpty ? directory : directory + "/" + path
        let isDirectory = try path.isEmpty || add(path, full: full)
        guard isDirectory else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: full)
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in names {
            try visit(path.isEmpty ? name : path + "/" + name)
        }
    }

    /// Writes one entry; returns whether it is a directory to descend into.
    private func add(_ path: String, full: String) throws -> Bool {
        let entry = ArchiveEntry(pointer: archive_entry_new())
        defer { archive_entry_free(entry.pointer) }
        archive_entry_copy_sourcepath(entry.pointer, full)
        entry.pathname = path
        guard archive_read_disk_entry_from_file(disk, entry.pointer, -1, nil) >= ARCHIVE_WARN else {
            throw ArchiveError.libarchive(disk, "read \(full)")
        }
        if entry.fileType == S_IFSOCK { return false }  // a socket cannot be archived
        archive_entry_unset_atime(entry.pointer)
        archive_entry_unset_ctime(entry.pointer)
        archive_entry_unset_birthtime(entry.pointer)
        archive_entry_set_uname(entry.pointer, nil)
        archive_entry_set_gname(entry.pointer, nil)
        var kind = Self.kind(of: entry)
        if source == .overlayUpper { kind = try convertOverlayMarks(entry, kind: kind) }
        entry.setXattrs(entry.xattrs.sorted { $0.name < $1.name })
        // A whiteout is often a link to overlayfs's one shared whiteout inode: never a hard link here.
        if !entry.isDirectory && kind != .whiteout && archive_entry_nlink(entry.pointer) > 1 {
            let key = InodeKey(device: UInt64(archive_entry_dev(entry.pointer)), inode: archive_entry_ino64(entry.pointer))
            if let first = firstLinks[key] {
                entry.hardlink = first
                entry.size = 0
                kind = .hardlink
            } else {
                firstLinks[key] = path
            }
        }
        try tar.writeHeader(entry)
        var tarNames = [entry.pathname]
        if kind == .opaqueDirectory { tarNames.append(try writeOpaqueMarker(of: entry, at: path)) }
        entries.append(LayerEntry(path: path, kind: kind, tarNames: tarNames))
        if kind == .file && entry.size > 0 {
            let file = try BlobReader(path: full)
            while case let chunk = try file.nextChunk(), !chunk.isEmpty {
                try tar.writeData(chunk)
            }
        }
        return entry.isDirectory
    }

    /// What an entry read from disk is, before any overlay conversion.
    private static func kind(of entry: ArchiveEntry) -> LayerEntry.Kind {
        switch entry.fileType {
        case S_IFDIR: .directory
        case S_IFLNK: .symlink
        case S_IFIFO: .fifo
        case S_IFCHR, S_IFBLK: .device
        default: .file
        }
    }
}
