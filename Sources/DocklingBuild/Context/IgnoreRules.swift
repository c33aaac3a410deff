import DocklingCore

/// The rules of a `.dockerignore`: which files of the build context a build may not see.
///
/// Read as docker reads it (moby/patternmatcher `ignorefile.ReadAll`): a UTF-8 byte-order
/// mark is dropped; a line *starting* with `#` is a comment; each line is trimmed and blank
/// ones skipped; `!` makes a line an exception; every pattern is cleaned like a Go path and
/// loses a leading `/` (patterns are always relative to the context root).
///
/// Matching (`MatchesOrParentMatches`): a path is excluded when it or one of its parent
/// folders matches, and the last line that matches decides — so `*.md` then `!README.md`
/// keeps the README, while the reverse order drops it.
public struct IgnoreRules: Sendable {
    /// The file the rules came from, as errors name it (`.dockerignore`, `Dockerfile.dockerignore`).
    public let file: String
    let patterns: [IgnorePattern]

    /// No rules: everything in the context may be copied.
    public static let none = IgnoreRules(file: ".dockerignore", patterns: [])

    private init(file: String, patterns: [IgnorePattern]) {
        self.file = file
        self.patterns = patterns
    }

    /// Reads the text of an ignore file. A malformed pattern (`[a-`, a lone `!`) is an
    /// error naming its line, as docker refuses the whole file.
    public init(text: String, file: String = ".dockerignore") throws(ContextError) {
        var patterns: [IgnorePattern] = []
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        if lines.last == "" { lines.removeLast() }
        for (index, raw) in lines.enumerated() {
            var line = raw
            if index == 0, line.unicodeScalars.first == "\u{FEFF}" { line.unicodeScalars.removeFirst() }
            if line.hasSuffix("\r") { line.removeLast() }
            if line.utf8.first == UInt8(ascii: "#") { continue }
            var pattern = line.trimmingWhitespace()
            guard !pattern.isEmpty else { continue }
            let isException = pattern.utf8.first == UInt8(ascii: "!")
            if isException { pattern = String(pattern.dropFirst()).trimmingWhitespace() }
            if isException && pattern.isEmpty {
                throw ContextError("\(file) line \(index + 1): illegal exclusion pattern: \"!\"",
                                   hint: "a `!` line needs a pattern after it, such as `!README.md`")
            }
            pattern = GoPath.clean(pattern)
            if pattern.utf8.count > 1, pattern.utf8.first == UInt8(ascii: "/") { pattern.removeFirst() }
            guard let compiled = IgnorePattern(pattern, isException: isException, line: index + 1) else {
                throw ContextError.badPattern("\(file) line \(index + 1): syntax error in pattern \"\(pattern)\"")
            }
            patterns.append(compiled)
        }
        self.init(file: file, patterns: patterns)
    }

    /// Whether any line is an exception: then an excluded folder may still hold files that
    /// are let back in, and must be looked into.
    var hasExceptions: Bool { patterns.contains(where: \.isException) }

    /// The line that excludes `relativePath` (a path inside the context, `/`-separated),
    /// or nil when the path may be copied.
    public func exclusion(of relativePath: String) -> IgnoreMatch? {
        let path = GoPath.clean(relativePath)
        guard path != ".", !patterns.isEmpty else { return nil }
        let names = GoPath.components(path)
        let parents = names.indices.dropLast().map { names[...$0].joined(separator: "/") }
        var excludedBy: IgnorePattern?
        for pattern in patterns {
            // An exclusion is only worth testing while the path is in, an exception while it is out.
            guard pattern.isException == (excludedBy != nil) else { continue }
            if pattern.matches(path) || parents.contains(where: pattern.matches) {
                excludedBy = pattern.isException ? nil : pattern
            }
        }
        return excludedBy.map { IgnoreMatch(file: file, line: $0.line, pattern: $0.text) }
    }
}

/// The `.dockerignore` line that keeps a path out of the build.
public struct IgnoreMatch: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line number in the ignore file.
    public var line: Int
    /// The pattern as docker uses it (cleaned, leading `/` removed).
    public var pattern: String

    public var description: String { "\(file) line \(line) (`\(pattern)`)" }
}

extension String {
    /// Without leading and trailing spaces, tabs and line ends (Go's `strings.TrimSpace`
    /// for the ASCII whitespace a text file has).
    func trimmingWhitespace() -> String {
        let isSpace: (UInt8) -> Bool = { [9, 10, 11, 12, 13, 32].contains($0) }
        let bytes = utf8.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        return String(decoding: bytes, as: UTF8.self)
    }
}
