/// The one place that decides whether a path named inside a layer tar stays inside the
/// layer. Entry names are data from the archive — never trust them.
///
/// Paths are split on the byte `/`, as the kernel splits them — never on Swift
/// `Character`s: a combining mark after a slash (`"../\u{301}x"`) makes the slash part of
/// one Character with it, which would hide that slash, and the `..` before it, from a
/// Character-wise split.
enum LayerPath {
    /// `a/b/c` for `./a//b/./c/`; the empty string for the layer's root (`./`).
    /// Refuses absolute paths and any `..` component, naming the entry.
    static func normalize(_ name: String, entry: String) throws(ArchiveError) -> String {
        if name.utf8.first == UInt8(ascii: "/") {
            throw .refused(entry, "'\(name)' is an absolute path")
        }
        let parts = components(of: name).filter { !same($0, ".") }
        if parts.contains(where: { same($0, "..") }) {
            throw .refused(entry, "'\(name)' climbs out of the layer with '..'")
        }
        return parts.joined(separator: "/")
    }

    /// `["a", "a/b"]` for `a/b/c`: the directories a path passes through.
    static func ancestors(of path: String) -> [String] {
        var result: [String] = []
        var current = ""
        for part in components(of: path).dropLast() {
            current = current.isEmpty ? part : current + "/" + part
            result.append(current)
        }
        return result
    }

    /// The names between the slashes of `path`, empty ones left out.
    static func components(of path: String) -> [String] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether `part` is exactly the bytes of `name` (no Unicode equivalence).
    static func same(_ part: String, _ name: String) -> Bool {
        part.utf8.elementsEqual(name.utf8)
    }
}
