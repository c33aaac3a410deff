import FoundationEssentials

/// Unpacks one layer tar into an empty directory, treating the archive as hostile:
/// every entry's path, every directory it passes through and every hard link target is
/// checked before anything is written, and whiteouts become their overlayfs form.
///
/// The same extractor unpacks archives that are not layers (`ADD archive.tar`, a build
/// context on standard input) with `convertingWhiteouts: false`: there, as in docker's
/// plain `tar -x`, `.wh.passwd` is just a file — but every path check still holds.
package struct LayerExtractor {
    /// The directory being filled, with every symlink in its own path resolved.
    let root: String
    /// Whether `.wh.` entries are OCI whiteouts (a layer) or ordinary files (any other tar).
    let convertsWhiteouts: Bool

    init(into directory: String, convertingWhiteouts: Bool = true) throws {
        root = try FileIO.realpath(directory)
        convertsWhiteouts = convertingWhiteouts
    }

    /// Returns the layer's diff id: the sha256 of the uncompressed tar.
    func extract(_ blob: ArchiveSource, label: String) throws -> Digest {
        let stream = try UncompressedStream(blob, label: label)
        let tar = try ArchiveReader(.tar(decompressing: false), from: stream, label: label)
        let disk = DiskWriter()
        while let entry = try tar.next() {
            try place(entry, from: tar, disk: disk)
        }
        try disk.close()
        return try stream.finish()
    }

    private func place(_ entry: ArchiveEntry, from tar: ArchiveReader, disk: DiskWriter) throws {
        let name = entry.pathname
        let path = try LayerPath.normalize(name, entry: name)
        if convertsWhiteouts, let whiteout = try Whiteout.classify(path, entry: name) {
            return try apply(whiteout, entry: name)
        }
        guard !path.isEmpty else { return }  // the layer's root itself
        try requireRealDirectories(leadingTo: path, entry: name)
        if let link = entry.hardlink {
            entry.hardlink = try hardlinkTarget(link, entry: name)
        }
        try clearWay(for: path, directory: entry.isDirectory)
        entry.pathname = root + "/" + path
        // Only dockling's whiteout conversion may speak to overlayfs (an ADD archive's
        // `trusted.overlay.*` would hide files of the image below once stacked).
        entry.setXattrs(entry.xattrs.filter { !$0.name.hasPrefix("trusted.overlay.") })
        try disk.write(entry, name: name, from: tar)
    }

    /// Refuses a path whose directories include a symlink: an earlier entry could have
    /// pointed it anywhere on the host.
    func requireRealDirectories(leadingTo path: String, entry: String) throws {
        for ancestor in LayerPath.ancestors(of: path) {
            if let info = FileIO.lstat(root + "/" + ancestor), info.isSymlink {
                throw ArchiveError.refused(entry, "'\(ancestor)' is a symlink in this layer; writing through it could land outside")
            }
        }
    }

    /// A hard link may only point at a file this layer already unpacked.
    private func hardlinkTarget(_ link: String, entry: String) throws -> String {
        let target = try LayerPath.normalize(link, entry: entry)
        try requireRealDirectories(leadingTo: target, entry: entry)
        guard !target.isEmpty, let info = FileIO.lstat(root + "/" + target), !info.isDirectory else {
            throw ArchiveError.refused(entry, "hard link target '\(link)' is not a file earlier in this layer")
        }
        return root + "/" + target
    }

    /// A later entry replaces an earlier one of the same name, as tar does; two
    /// directories merge.
    private func clearWay(for path: String, directory: Bool) throws {
        guard let existing = FileIO.lstat(root + "/" + path) else { return }
        if directory && existing.isDirectory { return }
        try FileManager.default.removeItem(atPath: root + "/" + path)
    }
}
