import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

extension BuildContext {
    /// The content key of what a COPY reads: every file of the sources (a folder's files
    /// too, minus what `.dockerignore` excludes) with content, mode, owner, type and link
    /// target — never mtime. A symlink inside a folder counts as its target text; a
    /// source that is itself a symlink counts as what it leads to, since COPY copies that.
    /// Paths are the context's: `app/main.c`.
    public func contentKey(_ sources: [ContextSource]) throws(ContextError) -> ContentKey {
        var cache = StatCache(file: statCache)
        var files: [ContentFile] = []
        for source in sources {
            guard let top = tree.entry(try tree.resolve(source.path)) else {
                throw ContextError("\"/\(source.path)\": not found", hint: "\(source.path) left the build context while it was being read")
            }
            // A folder source copies its contents into the destination: its own mode and
            // owner reach no layer, so they are not part of the key.
            if !top.isDirectory { files.append(try contentFile(source.path, top, cache: &cache)) }
            for item in tree.walk(top, ignore: ignore) {
                let path = source.path.isEmpty ? item.relative : source.path + "/" + item.relative
                files.append(try contentFile(path, item.entry, cache: &cache))
            }
        }
        do {
            try cache.save()
        } catch {
            throw ContextError("cannot write the stat cache \(statCache ?? ""): \(error)")
        }
        return ContentKey(files: files)
    }

    private func contentFile(_ path: String, _ entry: LayeredTree.Entry,
                             cache: inout StatCache) throws(ContextError) -> ContentFile {
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

/// The sha256 of a file's bytes, read in large chunks through libcrypto's SHA-256 (a
/// context can hold files of any size; none is held in memory whole).
enum FileDigest {
    static let chunkSize = 1 << 20

    static func of(_ host: String) throws(ContextError) -> String {
        let fd: Int32
        do {
            fd = try Kernel.open(host, [.readOnly, .closeOnExec], note: "read a context file to hash its content")
        } catch {
            throw ContextError("cannot read \(host) to hash it: \(error)",
                               hint: "files the build copies must be readable by the user running the build")
        }
        defer { _ = try? Kernel.close(fd, note: "hashed") }
        let digester = Digester()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress!, chunkSize)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw ContextError("cannot read \(host) to hash it: \(Errno.current)") }
            if count == 0 { return digester.finalize().description }
            digester.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }
}
