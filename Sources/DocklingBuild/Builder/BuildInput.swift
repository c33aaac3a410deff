import DocklingCore
import FoundationEssentials

/// What a build reads, found from the request: the Dockerfile's text and name, the context
/// folder and its `.dockerignore`. `dockling build -` saves standard input into the store's
/// tmp/ first (`BuildInput+StandardInput`): a tar archive there is unpacked and is the
/// context; anything else is the Dockerfile, with no context at all (an empty folder:
/// every COPY finds nothing).
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
        switch request.context {
        case .directory(let directory):
            try self.init(request, context: Path.absolute(directory, cwd: Path.currentDirectory()),
                          scratch: nil, stdinDockerfile: nil)
        case .standardInput:
            // Whatever fails from here on, the folder made for standard input goes again.
            let folder = BuildContainer.scratchPath(root: root, kind: "stdin")
            do {
                let (context, dockerfile) = try Self.readStandardInput(into: folder)
                try self.init(request, context: context, scratch: folder, stdinDockerfile: dockerfile)
            } catch {
                try? FileManager.default.removeItem(atPath: folder)
                throw error
            }
        }
    }

    private init(_ request: BuildRequest, context: String, scratch: String?, stdinDockerfile: String?) throws {
        self.scratch = scratch
        contextDirectory = context
        let named = request.dockerfile ?? "Dockerfile"
        let path: String
        if let stdinDockerfile {
            path = "-"
            dockerfileText = stdinDockerfile
        } else {
            // `-f` is relative to the working directory, as docker reads it; the default
            // and a path inside a context from standard input are relative to the context.
            let base = request.dockerfile != nil && scratch == nil ? Path.currentDirectory() : context
            path = Path.absolute(named, cwd: base)
            let text = scratch == nil ? try Self.text(of: path) : try Self.text(of: named, inside: context)
            guard let text else {
                throw BuildFailure("failed to read dockerfile: open \(named): no such file or directory")
            }
            dockerfileText = text
        }
        identity = scratch == nil ? context + "\n" + path : "-\n" + named
        dockerfileName = path == "-" ? "Dockerfile" : String(path.split(separator: "/").last ?? "Dockerfile")
        // BuildKit reads `<Dockerfile>.dockerignore` beside the Dockerfile first.
        var ignoreFile: String?, ignoreText: String?
        if stdinDockerfile == nil {
            let candidates = scratch == nil ? [path + ".dockerignore", context + "/.dockerignore"]
                                            : [named + ".dockerignore", ".dockerignore"]
            for candidate in candidates {
                ignoreText = scratch == nil ? try Self.text(of: candidate) : try Self.text(of: candidate, inside: context)
                if ignoreText != nil {
                    ignoreFile = candidate
                    break
                }
            }
        }
        ignoreSize = ignoreText?.utf8.count ?? 0
        ignore = try ignoreText.map { text in
            try IgnoreRules(text: text, file: String(ignoreFile!.split(separator: "/").last ?? ".dockerignore"))
        } ?? .none
    }

    /// Removes what standard input was saved and unpacked into.
    func remove() {
        if let scratch { try? FileManager.default.removeItem(atPath: scratch) }
    }
}
