import DocklingCore

/// One source of a COPY or ADD, as it names something in the context or an image.
public struct ContextSource: Sendable, Equatable {
    /// The source as the instruction gave it (expanded): `src/*.c`, `.`, `/etc/passwd`.
    public var pattern: String
    /// What it names inside the tree, relative to its root, cleaned: `src/main.c`;
    /// empty for the root itself (`COPY . /app`).
    public var path: String

    public init(pattern: String, path: String) {
        self.pattern = pattern
        self.path = path
    }
}

extension LayeredTree {
    /// Resolves sources against the tree, as BuildKit resolves them: relative to the root
    /// whatever they start with (a leading `/` and every `..` stop at the root), wildcards
    /// matched with Go's `filepath.Match` one name at a time, a wildcard that matches
    /// nothing is no source at all. Names `ignore` excludes do not exist, nor do sockets.
    /// `missing` makes the error for a name that is not there (its cleaned path, and the
    /// `.dockerignore` line when that is why).
    func select(_ sources: [String], ignore: IgnoreRules,
                missing: (String, IgnoreMatch?) -> ContextError) throws(ContextError) -> [ContextSource] {
        var selected: [ContextSource] = []
        for source in sources {
            let path = String(GoPath.clean("/" + source).utf8.dropFirst())!
            if GlobPattern.hasWildcards(path) {
                let names = GoPath.components(path)
                guard names.allSatisfy({ !GlobPattern.hasMeta($0) || GlobPattern(go: $0) != nil }) else {
                    throw ContextError.badPattern("syntax error in pattern \"\(source)\"")
                }
                selected += try glob(names[...], under: [], ignore: ignore)
                    .map { ContextSource(pattern: source, path: $0.joined(separator: "/")) }
                continue
            }
            guard let found = entry(try resolve(path)), !found.isSocket else { throw missing(path, nil) }
            if let match = ignore.exclusion(of: path), !hasIncludedContent(found, ignore: ignore) {
                throw missing(path, match)
            }
            selected.append(ContextSource(pattern: source, path: path))
        }
        return selected
    }

    /// Resolves `COPY --from` sources against a stage's or image's files (there is no
    /// `.dockerignore` there): as `select`, with docker's `"/x": not found`.
    func selectCopied(_ sources: [String]) throws(ContextError) -> [ContextSource] {
        try select(sources, ignore: .none) { path, _ in
            ContextError("\"/\(path)\": not found",
                         hint: "COPY --from reads the other stage's or image's files, and it has no /\(path)")
        }
    }

    /// Go's `filepath.Glob`, name by name: a name with wildcards is matched against the
    /// folder's entries, a plain one is looked up.
    private func glob(_ pattern: ArraySlice<String>, under folder: [String],
                      ignore: IgnoreRules) throws(ContextError) -> [[String]] {
        guard let name = pattern.first else { return [folder] }
        let rest = pattern.dropFirst()
        let candidates: [String]
        if GlobPattern.hasMeta(name) {
            guard let glob = GlobPattern(go: name) else { return [] }  // refused by `select` already
            let entries = children(try resolve(folder.joined(separator: "/"))) ?? [:]
            candidates = entries.keys.filter(glob.matches).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        } else {
            candidates = [name]
        }
        var matches: [[String]] = []
        for candidate in candidates {
            let path = folder + [candidate]
            guard let found = entry(try resolve(path.joined(separator: "/"))), !found.isSocket else { continue }
            let text = path.joined(separator: "/")
            if ignore.exclusion(of: text) != nil && !hasIncludedContent(found, ignore: ignore) { continue }
            matches += try glob(rest, under: path, ignore: ignore)
        }
        return matches
    }

    /// Whether an excluded folder still holds something an exception lets back in: then
    /// docker sends the folder along with it.
    func hasIncludedContent(_ folder: Entry, ignore: IgnoreRules) -> Bool {
        guard folder.isDirectory, ignore.hasExceptions else { return false }
        return !walk(folder, ignore: ignore).isEmpty
    }
}
