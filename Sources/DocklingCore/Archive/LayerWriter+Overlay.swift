#if canImport(Glibc)
import Glibc
#endif
import CLibArchive

// What `docker commit` does to an overlay upper directory on its way into a tar (moby's
// overlay whiteout converter): overlayfs and OCI layers mark deletions differently, and
// only the OCI way means anything outside this machine's overlay mount.

extension LayerWriter {
    /// overlayfs's own xattrs: `trusted.overlay.*` when root mounted the union,
    /// `user.overlay.*` with the `userxattr` option. They tie this upper directory to its
    /// lower ones (opaque, origin, redirect, impure…) and would mislead any other mount.
    private static let overlayXattrPrefixes = ["trusted.overlay.", "user.overlay."]

    /// Converts one entry read from an upper directory: a 0:0 character device becomes
    /// an empty regular file `.wh.NAME`; an opaque directory is reported so that its
    /// marker follows it; every overlay xattr is dropped. Returns the entry's kind.
    func convertOverlayMarks(_ entry: ArchiveEntry, kind: LayerEntry.Kind) throws -> LayerEntry.Kind {
        let path = entry.pathname
        var directories = Path.components(of: path)
        let base = directories.popLast() ?? path
        if Whiteout.isMarked(base) {
            throw ArchiveError("the container made a file named '\(path)', which a layer tar would read as a whiteout",
                               hint: "names starting with .wh. mean deletions in a layer: rename it, then commit")
        }
        let xattrs = entry.xattrs
        let overlay = xattrs.filter { Self.isOverlayXattr($0.name) }
        entry.setXattrs(xattrs.filter { !Self.isOverlayXattr($0.name) })
        if entry.fileType == S_IFCHR && archive_entry_rdev(entry.pointer) == 0 {
            entry.pathname = (directories + [Whiteout.prefix + base]).joined(separator: "/")
            archive_entry_set_filetype(entry.pointer, UInt32(S_IFREG as mode_t))
            archive_entry_set_perm(entry.pointer, 0o600)
            archive_entry_set_rdev(entry.pointer, 0)
            entry.size = 0
            return .whiteout
        }
        let opaque = overlay.contains { $0.name.hasSuffix(".opaque") && $0.value == Array("y".utf8) }
        return kind == .directory && opaque ? .opaqueDirectory : kind
    }

    /// Writes `DIR/.wh..wh..opq` right after the directory DIR (at `path`) — OCI's "hide
    /// everything the layers below have in DIR" — owned and dated like DIR. Returns its name.
    func writeOpaqueMarker(of directory: ArchiveEntry, at path: String) throws -> String {
        let marker = ArchiveEntry(pointer: archive_entry_clone(directory.pointer))
        defer { archive_entry_free(marker.pointer) }
        marker.pathname = path + "/" + Whiteout.opaqueMarker
        archive_entry_set_filetype(marker.pointer, UInt32(S_IFREG as mode_t))
        marker.size = 0
        marker.setXattrs([])
        try tar.writeHeader(marker)
        return marker.pathname
    }

    private static func isOverlayXattr(_ name: String) -> Bool {
        overlayXattrPrefixes.contains { name.hasPrefix($0) }
    }
}
