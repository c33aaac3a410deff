import DocklingCore

extension BuildContext {
    /// The content key of what a COPY reads from the context (`LayeredTree.contentKey`),
    /// minus what `.dockerignore` excludes, with the stat cache. Paths are the context's:
    /// `app/main.c`.
    public func contentKey(_ sources: [ContextSource]) throws(ContextError) -> ContentKey {
        try tree.contentKey(sources, ignore: ignore, statCache: statCache)
    }
}

/// The sha256 of a file's bytes, read in large chunks (`FileIO.forEachChunk`) through
/// libcrypto's SHA-256: a context can hold files of any size; none is held in memory whole.
enum FileDigest {
    static func of(_ host: String) throws(ContextError) -> String {
        let fd: Int32
        do {
            fd = try Kernel.open(host, [.readOnly, .noFollow, .closeOnExec], note: "read a context file to hash its content")
        } catch {
            throw ContextError("cannot read \(host) to hash it: \(error)",
                               hint: "files the build copies must be readable by the user running the build")
        }
        defer { _ = try? Kernel.close(fd, note: "hashed") }
        let digester = Digester()
        do {
            try FileIO.forEachChunk(of: fd) { digester.update($0) }
        } catch {
            throw ContextError("cannot read \(host) to hash it: \(error)")
        }
        return digester.finalize().description
    }
}
