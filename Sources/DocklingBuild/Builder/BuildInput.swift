import DocklingCore
import FoundationEssentials

/// What a build reads, found from the request: the Dockerfile's text and name, the context
/// folder and its `.dockerignore`. `dockling build -` reads standard input into the store's
/// tmp/ first: a tar archive there is unpacked and is the context; anything else is the
/// Dockerfile, with no context at all (an empty folder: every COPY finds nothing).
struct BuildInput {
    let dockerfileText: String
    /// The file's name as errors show it (`Dockerfile:3`).
    let dockerfileName: String
    let contextDirectory: String
    /// The context and Dockerfile as the user named them — `-` for standard input, whose
    /// copy lives in a new folder each build — for the cache's step identities.
    let identity: String
    let ignore: IgnoreRules
    /// The size of the `.dockerignore` read (0 without one), for the progress line.
    let ignoreSize: Int
    /// The scratch folder standard input was unpacked into; removed by `remove()`.
    let scratch: String?

    init(_ request: BuildRequest, root: StoreRoot) throws {
        var scratch: String?
        let context: String
        var stdinDockerfile: String?
        switch request.context {
        case .directory(let directory):
            context = Path.absolute(directory, cwd: Path.currentDirectory())
        case .standardInput:
            let folder = BuildContainer.scratchPath(root: root, kind: "stdin")
            scratch = folder
            (context, stdinDockerfile) = try Self.readStandardInput(into: folder)
        }
        self.scratch = scratch
        let path: String
        if let stdinDockerfile {
            path = "-"
            dockerfileText = stdinDockerfile
        } else {
            let named = request.dockerfile ?? "Dockerfile"
            // `-f` is relative to the working directory, as docker reads it; the default
            // and a path inside a context from standard input are relative to the context.
            let base = request.dockerfile != nil && scratch == nil ? Path.currentDirectory() : context
            path = Path.absolute(named, cwd: base)
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw BuildFailure("failed to read dockerfile: open \(named): no such file or directory")
            }
            dockerfileText = String(decoding: bytes, as: UTF8.self)
        }
        identity = scratch == nil ? context + "\n" + path : "-\n" + (request.dockerfile ?? "Dockerfile")
        dockerfileName = path == "-" ? "Dockerfile" : String(path.split(separator: "/").last ?? "Dockerfile")
        contextDirectory = context
        // BuildKit reads `<Dockerfile>.dockerignore` beside the Dockerfile first.
        let candidates = stdinDockerfile == nil ? [path + ".dockerignore", context + "/.dockerignore"] : []
        let ignoreFile = candidates.first {
            FileManager.default.fileExists(atPath: $0)
        }
        let ignoreText = ignoreFile.map { String(decoding: FileManager.default.contents(atPath: $0) ?? Data(), as: UTF8.self) }
        ignoreSize = ignoreText?.utf8.count ?? 0
        ignore = try ignoreText.map { text in
            try IgnoreRules(text: text, file: String(ignoreFile!.split(separator: "/").last ?? ".dockerignore"))
        } ?? .none
    }

    /// Standard input, saved: unpacked when it is a tar archive (the context; its
    /// Dockerfile is found in it), else taken as the Dockerfile (an empty context).
    private static func readStandardInput(into folder: String) throws -> (context: String, dockerfile: String?) {
        let context = folder + "/context"
        try FileManager.default.createDirectory(atPath: context, withIntermediateDirectories: true)
        guard let bytes = Kernel.readToEnd(0) else {
            throw BuildFailure("failed to read standard input")
        }
        let saved = folder + "/stdin"
        try AtomicFile.write(bytes, to: saved, durable: false)
        if try LayerExtractor.unpackIfArchive(saved, into: context) { return (context, nil) }
        return (context, String(decoding: bytes, as: UTF8.self))
    }

    /// Removes what standard input was saved and unpacked into.
    func remove() {
        if let scratch { try? FileManager.default.removeItem(atPath: scratch) }
    }
}
