import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

extension BuildContext {
    /// The content key of what a COPY reads from the context (`LayeredTree.contentKey`),
    /// minus what `.dockerignore` excludes, with the stat cache. Paths are the context's:
    /// `app/main.c`.
    public func contentKey(_ sources: [ContextSource]) throws(ContextError) -> ContentKey {
        try tree.contentKey(sources, ignore: ignore, statCache: statCache)
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
