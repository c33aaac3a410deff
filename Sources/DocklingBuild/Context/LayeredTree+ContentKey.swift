import DocklingCore

extension LayeredTree {
    /// The content key of what a COPY reads from this tree: every file of the sources (a
    /// folder's files too, minus what `ignore` excludes) with content, mode, owner, type
    /// and link target — never mtime. A symlink inside a folder counts as its target text;
    /// a source that is itself a symlink counts as what it leads to, since COPY copies that.
    /// Paths are the tree's, after `prefix`: `app/main.c` for the context, `/out/app` for
    /// a stage or image (prefix `/`). `statCache`: where digests of unchanged files are
    /// kept between builds; nil hashes every file.
    func contentKey(_ sources: [ContextSource], ignore: IgnoreRules, prefix: String = "",
                    statCache: String? = nil) throws(ContextError) -> ContentKey {
        var cache = StatCache(file: statCache)
        var files: [ContentFile] = []
        for source in sources {
            guard let top = entry(try resolve(source.path)) else {
                throw ContextError("\"/\(source.path)\": not found", hint: "\(source.path) disappeared while it was being read")
            }
            // A folder source copies its contents into the destination: its own mode and
            // owner reach no layer, so they are not part of the key.
            if !top.isDirectory { files.append(try contentFile(prefix + source.path, top, cache: &cache)) }
            for item in walk(top, ignore: ignore) {
                let path = source.path.isEmpty ? item.relative : source.path + "/" + item.relative
                files.append(try contentFile(prefix + path, item.entry, cache: &cache))
            }
        }
        do {
            try cache.save()
        } catch {
            throw ContextError("cannot write the stat cache \(statCache ?? ""): \(error)")
        }
        return ContentKey(files: files)
    }

    private func contentFile(_ path: String, _ entry: Entry, cache: inout StatCache) throws(ContextError) -> ContentFile {
        let info = entry.info
        var file = ContentFile(path: path, kind: .other, mode: UInt32(info.st_mode & 0o7777),
                               uid: info.st_uid, gid: info.st_gid, size: Int64(info.st_size))
        if entry.isRegularFile {
            file.kind = .file
            if let known = cache.digest(of: entry.host, info) {
                file.contentDigest = known
            } else {
                let digest = try FileDigest.of(entry.host)
                cache.remember(digest, of: entry.host, info)
                file.contentDigest = digest
            }
        } else if entry.isDirectory {
            file.kind = .directory
            file.size = 0  // a folder's size is the file system's business, not its contents'
        } else if entry.isSymlink {
            file.kind = .symlink
            file.link = DocklingCore.Path.readLink(entry.host)
        }
        return file
    }
}
