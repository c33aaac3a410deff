/// The one place that decides whether a path named inside a layer tar stays inside the
/// layer. Entry names are data from the archive — never trust them.
enum LayerPath {
    /// `a/b/c` for `./a//b/./c/`; the empty string for the layer's root (`./`).
    /// Refuses absolute paths and any `..` component, naming the entry.
    static func normalize(_ name: String, entry: String) throws(ArchiveError) -> String {
        if name.hasPrefix("/") {
            throw .refused(entry, "'\(name)' is an absolute path")
        }
        let parts = name.split(separator: "/").filter { $0 != "." }
        if parts.contains("..") {
            throw .refused(entry, "'\(name)' climbs out of the layer with '..'")
        }
        return parts.joined(separator: "/")
    }

    /// `["a", "a/b"]` for `a/b/c`: the directories a path passes through.
    static func ancestors(of path: String) -> [String] {
        var result: [String] = []
        var current = ""
        for part in path.split(separator: "/").dropLast() {
            current = current.isEmpty ? String(part) : current + "/" + part
            result.append(current)
        }
        return result
    }
}
