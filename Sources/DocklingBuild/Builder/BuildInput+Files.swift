import DocklingCore
import FoundationEssentials

extension BuildInput {
    /// Standard input, streamed to a file (never held whole: a context can be gigabytes),
    /// then unpacked when it is a tar archive — the context, whose Dockerfile is found in
    /// it — else taken as the Dockerfile, with an empty context. Unpacked as docker's
    /// `tar -x` does: `.wh.` names are files here, not whiteouts.
    static func readStandardInput(into folder: String) throws -> (context: String, dockerfile: String?) {
        let context = folder + "/context"
        try FileManager.default.createDirectory(atPath: context, withIntermediateDirectories: true)
        let saved = folder + "/stdin"
        let fd = try Kernel.open(saved, [.writeOnly, .create, .exclusive, .noFollow, .closeOnExec], mode: 0o600,
                                 note: "dockling build -: standard input is saved here first")
        defer { _ = try? Kernel.close(fd, note: "standard input saved") }
        do {
            try FileIO.copy(from: 0, to: fd)
        } catch {
            throw BuildFailure("failed to read standard input: \(error)")
        }
        if try LayerExtractor.unpackIfArchive(saved, into: context) { return (context, nil) }
        return (context, try text(of: saved) ?? "")
    }

    /// The text of a file on the host (symlinks followed, as docker's client reads a
    /// local Dockerfile); nil when there is nothing at `host`.
    static func text(of host: String) throws -> String? {
        try read(host, [.readOnly, .closeOnExec])
    }

    /// The text of the file `path` names inside an unpacked context: its symlinks are
    /// followed inside the context (`LayeredTree.resolve`), never to the host, and the
    /// file found is opened with `O_NOFOLLOW` — a tar's `Dockerfile -> /etc/shadow` is
    /// the context's /etc/shadow, which is not there. Nil when it is not a file there.
    static func text(of path: String, inside context: String) throws -> String? {
        let tree = LayeredTree(layers: [context])
        guard let entry = tree.entry(try tree.resolve(path)), entry.isRegularFile else { return nil }
        return try read(entry.host, [.readOnly, .noFollow, .closeOnExec])
    }

    private static func read(_ host: String, _ flags: OpenFlags) throws -> String? {
        do {
            let fd = try Kernel.open(host, flags, note: "read the Dockerfile or its .dockerignore")
            defer { _ = try? Kernel.close(fd, note: "read") }
            var bytes: [UInt8] = []
            try FileIO.forEachChunk(of: fd) { bytes.append(contentsOf: $0) }
            return String(decoding: bytes, as: UTF8.self)
        } catch where error.errno == .ENOENT {
            return nil
        } catch {
            throw BuildFailure("failed to read \(host): \(error)")
        }
    }
}
