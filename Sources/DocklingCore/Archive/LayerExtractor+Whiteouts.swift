extension LayerExtractor {
    /// Turns an OCI whiteout entry into what overlayfs reads in a lower directory.
    func apply(_ whiteout: Whiteout, entry: String) throws {
        switch whiteout {
        case .metadata:
            return
        case .remove(let path):
            try requireRealDirectories(leadingTo: path, entry: entry)
            // Whiteouts hide lower layers only: a file of this layer keeps its name.
            guard FileIO.lstat(root + "/" + path) == nil else { return }
            try makeDirectories(leadingTo: path, entry: entry)
            try kernel(entry) { () throws(KernelError) in
                try Kernel.mknodWhiteout(root + "/" + path,
                                         note: "whiteout: this layer deletes /\(path); overlayfs reads a 0:0 character device as 'gone'")
            }
        case .opaque(let directory):
            try requireRealDirectories(leadingTo: directory + "/x", entry: entry)
            try makeDirectories(leadingTo: directory + "/x", entry: entry)
            try kernel(entry) { () throws(KernelError) in
                try Kernel.lsetxattr(root + (directory.isEmpty ? "" : "/" + directory),
                                     name: OverlayEntry.opaqueXattr, value: "y",
                                     note: "opaque whiteout: /\(directory) hides everything the layers below put in it")
            }
        }
    }

    /// Creates the directories `path` (relative to the layer root) passes through that no
    /// entry has made yet, one level at a time.
    private func makeDirectories(leadingTo path: String, entry: String) throws {
        for path in LayerPath.ancestors(of: path) {
            guard let info = FileIO.lstat(root + "/" + path) else {
                try kernel(entry) { () throws(KernelError) in
                    try Kernel.mkdir(root + "/" + path, note: "a directory the whiteout '\(entry)' sits in")
                }
                continue
            }
            guard info.isDirectory else {
                throw ArchiveError("unpack whiteout '\(entry)': '\(path)' is not a directory in this layer",
                                   hint: "an earlier entry of the layer made it a file")
            }
        }
    }

    /// Runs a kernel call made for `entry`, naming the entry if it fails.
    private func kernel(_ entry: String, _ body: () throws(KernelError) -> Void) throws {
        do {
            try body()
        } catch {
            throw ArchiveError("unpack whiteout '\(entry)': \(error.call)", errno: error.errno,
                               hint: "whiteouts need root (CAP_MKNOD and CAP_SYS_ADMIN for trusted.* xattrs)")
        }
    }
}
