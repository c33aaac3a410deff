/// Paths split where the kernel splits them: at every byte `/`.
///
/// Never on Swift `Character`s: a combining mark right after a slash (`"a/\u{301}b"`)
/// joins the slash into one Character, and so does a prepended sign right before one
/// (`"a\u{600}/b"`, U+0600 ARABIC NUMBER SIGN). `split(separator: "/")`,
/// `lastIndex(of: "/")` and `hasPrefix("/")` would not see that slash; the kernel does.
/// Names are compared byte for byte as well: Swift's `==` takes "é" written as one scalar
/// and as e + U+0301 for the same string, where a filesystem holds two names.
extension Path {
    private static let slash = UInt8(ascii: "/")

    /// `/a/b` for `/a/b/c`; `/` for `/a`; `.` for `a`.
    public static func parent(of path: String) -> String {
        let bytes = path.utf8
        guard let last = bytes.lastIndex(of: slash) else { return "." }
        return last == bytes.startIndex ? "/" : String(decoding: bytes[..<last], as: UTF8.self)
    }

    /// `c` for `/a/b/c`.
    public static func base(of path: String) -> String {
        components(of: path).last ?? path
    }

    /// The names between the slashes of `path`, empty ones left out.
    static func components(of path: String) -> [String] {
        path.fields(separatedBy: "/")
    }

    /// Whether `name` is exactly the bytes of `other` (no Unicode equivalence).
    static func same(_ name: String, _ other: String) -> Bool {
        name.utf8.elementsEqual(other.utf8)
    }

    /// Whether `path` starts at the root.
    static func isAbsolute(_ path: String) -> Bool {
        path.utf8.first == slash
    }

    /// Whether `path` has a slash anywhere: then it names a file, not a command to look up.
    static func hasSlash(_ path: String) -> Bool {
        path.utf8.contains(slash)
    }

    /// `b/c` for `/a/b/c` under `/a`, empty for `/a` itself, nil when `path` is neither
    /// `dir` nor below it (`/ab` is not below `/a`).
    static func relative(_ path: String, under dir: String) -> String? {
        let names = components(of: path), top = components(of: dir)
        guard isAbsolute(path) == isAbsolute(dir), names.starts(with: top, by: same) else { return nil }
        return names.dropFirst(top.count).joined(separator: "/")
    }
}
