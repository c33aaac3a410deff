/// The one place that decides whether a path named inside a layer tar stays inside the
/// layer. Entry names are data from the archive — never trust them.
///
/// Paths are split with `Path.components`, on the byte `/` as the kernel splits them:
/// a combining mark after a slash (`"../\u{301}x"`) must hide neither that slash nor the
/// `..` before it.
enum LayerPath {
    /// `a/b/c` for `./a//b/./c/`; the empty string for the layer's root (`./`).
    /// Refuses absolute paths and any `..` component, naming the entry.
    static func normalize(_ name: String, entry: String) throws(ArchiveError) -> String {
        if Path.isAbsolute(name) {
            throw .refused(entry, "'\(name)' is an absolute path")
        }
        let parts = Path.components(of: name).filter { !Path.same($0, ".") }
        if parts.contains(where: { Path.same($0, "..") }) {
            throw .refused(entry, "'\(name)' climbs out of the layer with '..'")
        }
        return parts.joined(separator: "/")
    }

    /// `["a", "a/b"]` for `a/b/c`: the directories a path passes through.
    static func ancestors(of path: String) -> [String] {
        var result: [String] = []
        var current = ""
        for part in Path.components(of: path).dropLast() {
            current = current.isEmpty ? part : current + "/" + part
            result.append(current)
        }
        return result
    }
}
