import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

extension LayerFolder {
    /// Copies one file, symlink or folder (not its contents) to `path` in the image.
    mutating func copy(_ entry: LayeredTree.Entry, to path: String) throws(ContextError) {
        let host = try place(path, keepingFolder: entry.isDirectory)
        let info = entry.info
        let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        if entry.isRegularFile, info.st_nlink > 1, let first = written[identity] {
            do {
                try Kernel.link(first, at: host, note: "COPY: a second name of one source file stays one file")
            } catch {
                throw ContextError("cannot copy \(path): \(error)")
            }
            return  // one inode: owner, mode and times are the first name's
        }
        let mode = UInt32(info.st_mode & 0o7777)
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            if FileIO.lstat(host) == nil {
                do {
                    try Kernel.mkdir(host, mode: 0o700, note: "COPY: a folder of the source")
                } catch {
                    throw ContextError("cannot make \(path) in the layer: \(error)")
                }
            }
            folderTimes.append((host, info))
        case S_IFLNK:
            guard let target = DocklingCore.Path.readLink(entry.host) else {
                throw ContextError("cannot read the symlink /\(entry.path): \(Errno.current)")
            }
            do {
                try Kernel.symlink(target, at: host, note: "COPY: a symlink is copied as a symlink")
            } catch {
                throw ContextError("cannot copy the symlink \(path): \(error)")
            }
        case S_IFREG:
            try copyData(from: entry.host, to: host, named: path)
            if info.st_nlink > 1 { written[identity] = host }
        default:
            throw ContextError("cannot copy /\(entry.path): it is a pipe or a device file",
                               hint: "COPY takes files, folders and symlinks; leave special files out with .dockerignore")
        }
        let ids = owner ?? (info.st_uid, info.st_gid)
        let isDirectory = entry.isDirectory
        try setOwnerAndMode(host, uid: ids.uid, gid: ids.gid,
                            mode: entry.isSymlink ? nil : chmod?.applied(to: mode, isDirectory: isDirectory) ?? mode)
        if !isDirectory { try setTimes(host, info) }
    }

    /// A folder's contents (what `.dockerignore` lets through) into the folder `path`.
    mutating func copyContents(of folder: LayeredTree.Entry, in tree: LayeredTree, ignore: IgnoreRules,
                               to path: String) throws(ContextError) {
        _ = try self.folder(path)
        for item in tree.walk(folder, ignore: ignore) {
            try copy(item.entry, to: path + "/" + item.relative)
        }
    }

    /// A heredoc source: a new file of `content`, 0644 unless `--chmod`, root's unless `--chown`.
    mutating func write(_ content: String, to path: String) throws(ContextError) {
        let host = try place(path, keepingFolder: false)
        do {
            let fd = try Kernel.open(host, [.writeOnly, .create, .exclusive, .noFollow, .closeOnExec], mode: 0o600,
                                     note: "COPY <<EOF: the here-document becomes a file")
            defer { _ = try? Kernel.close(fd, note: "written") }
            if !content.isEmpty { try Kernel.write(fd, content, note: "the here-document's body") }
        } catch {
            throw ContextError("cannot write \(path) in the layer: \(error)")
        }
        let ids = owner ?? (0, 0)
        try setOwnerAndMode(host, uid: ids.uid, gid: ids.gid, mode: chmod?.applied(to: 0o644, isDirectory: false) ?? 0o644)
    }

    /// ADD's local archives: unpacked into the folder `path` when the file is a tar
    /// (plain, gzip, bzip2, xz — told by content), by the core's layer extractor with its
    /// checks against hostile paths. False, with nothing written, for any other file.
    /// The archive's own owners and modes are kept, as `tar -x` by root keeps them.
    mutating func unpackIfArchive(_ file: String, named source: String, to path: String) throws(ContextError) -> Bool {
        let existed = isFolder(path)
        let host = try folder(path)
        let unpacked: Bool
        do {
            unpacked = try LayerExtractor.unpackIfArchive(file, into: host)
        } catch {
            throw ContextError("ADD \(source): \(error)")
        }
        // Not an archive: the folder made for it goes again, the destination may name a file.
        if !unpacked && !existed { try? Kernel.rmdir(host, note: "ADD: not an archive after all") }
        return unpacked
    }

    /// Sets the folders' times last, once nothing more is written into them.
    func finish() throws(ContextError) {
        for (host, info) in folderTimes.reversed() { try setTimes(host, info) }
    }

    /// The source's access and modification times (not the symlink's target's).
    private func setTimes(_ host: String, _ info: stat) throws(ContextError) {
        do {
            try Kernel.setTimes(host, access: info.st_atim, modification: info.st_mtim,
                                note: "the layer's file keeps its source's times")
        } catch {
            throw ContextError("\(error)")
        }
    }

    /// The bytes of `source` into the new file `host` (`FileIO.copy`, in large chunks). Bulk
    /// data is not traced write by write (as the core's layer writer does), the opens are.
    private func copyData(from source: String, to host: String, named path: String) throws(ContextError) {
        let input: Int32, output: Int32
        do {
            input = try Kernel.open(source, [.readOnly, .noFollow, .closeOnExec], note: "COPY: read a source file")
        } catch {
            throw ContextError("cannot read the source of \(path): \(error)")
        }
        defer { _ = try? Kernel.close(input, note: "copied") }
        do {
            output = try Kernel.open(host, [.writeOnly, .create, .exclusive, .noFollow, .closeOnExec], mode: 0o600,
                                     note: "COPY: the file in the new layer")
        } catch {
            throw ContextError("cannot write \(path) in the layer: \(error)")
        }
        defer { _ = try? Kernel.close(output, note: "copied") }
        do {
            try FileIO.copy(from: input, to: output)
        } catch {
            throw ContextError("cannot copy \(path) into the layer: \(error)")
        }
    }
}
