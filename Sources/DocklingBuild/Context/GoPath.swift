/// Go's `path/filepath` arithmetic that docker applies to `.dockerignore` lines and COPY
/// paths, on bytes as Go does (a combining mark after a `/` must not hide the slash).
enum GoPath {
    /// The names between the slashes, empty ones left out.
    static func components(_ path: String) -> [String] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `filepath.Clean`: one slash between names, no `.`, each `..` takes the name before
    /// it away (at the root there is nothing to take, so it vanishes), no trailing slash;
    /// `.` for nothing.
    static func clean(_ path: String) -> String {
        let rooted = path.utf8.first == UInt8(ascii: "/")
        var kept: [String] = []
        for name in components(path) where name != "." {
            if name == ".." {
                if let last = kept.last, last != ".." {
                    kept.removeLast()
                } else if !rooted {
                    kept.append(name)
                }
            } else {
                kept.append(name)
            }
        }
        let joined = kept.joined(separator: "/")
        return rooted ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
