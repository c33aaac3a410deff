import DocklingCore

/// The build context: the folder `dockling build CONTEXT` names, the only files COPY and
/// ADD may read — minus what `.dockerignore` keeps out.
///
/// docker sends the context to its daemon; dockling builds on the same machine and reads
/// the folder in place, with the same rules for what a build can see.
public struct BuildContext: Sendable {
    /// The context's root folder.
    public let directory: String
    public let ignore: IgnoreRules
    /// Where the content hashes of unchanged files are remembered between builds.
    public let statCache: String?
    /// The context as a one-layer tree: its symlinks are followed inside it, like an image's.
    let tree: LayeredTree

    /// `directory`: the context root. `ignore`: its rules. `statCache`: a file the content
    /// hashes of unchanged files (same device, inode, size, mtime and ctime) are kept in
    /// between builds (under the store's `cache/`); nil to hash every file every time.
    public init(directory: String, ignore: IgnoreRules, statCache: String?) throws(ContextError) {
        // The real path: the stat cache is keyed by where files are, whatever the
        // context was called (a relative name, a path through a symlink).
        guard let real = try? FileIO.realpath(directory) else {
            throw ContextError("unable to prepare context: path \"\(directory)\" not found",
                               hint: "the context is the folder whose files COPY reads, usually `.`")
        }
        guard LayeredTree(layers: [real]).entry([])?.isDirectory == true else {
            throw ContextError("unable to prepare context: \(directory) is not a directory")
        }
        self.directory = directory
        self.ignore = ignore
        self.statCache = statCache
        tree = LayeredTree(layers: [real])
    }

    /// Resolves COPY/ADD sources (expanded) against the context: a leading `/` and `..`
    /// cannot leave it, wildcards are Go's, and a source that is not there is docker's
    /// `"/x": not found` — with a hint that says whether it is absent or which
    /// `.dockerignore` line keeps it out.
    public func select(_ sources: [String]) throws(ContextError) -> [ContextSource] {
        try tree.select(sources, ignore: ignore) { path, exclusion in
            let name = path.isEmpty ? "." : path
            guard let exclusion else {
                return ContextError("\"/\(path)\": not found",
                                    hint: "there is no \(name) in the build context \(directory): COPY and ADD read from the context, not from the Dockerfile's folder or the image")
            }
            return ContextError("\"/\(path)\": not found",
                                hint: "\(name) is in the build context, but \(exclusion) excludes it, and a build cannot see excluded files: remove that line, or add `!\(path)` below it")
        }
    }
}
