/// One line of a `.dockerignore`, compiled as moby/patternmatcher compiles it.
///
/// patternmatcher turns a pattern into a regular expression: `*` → `[^/]*`, `?` → `[^/]`,
/// an inner `**/` → `(.*/)?` (any number of folders, even none), a trailing `**` → `.*`.
/// Patterns without wildcards skip the regexp: an exact name, a `dir/**` prefix or a
/// `**/name` suffix is compared as text. Those shortcuts are kept here because they are
/// not quite the regexp (`**name` matches `xname` too), and docker's answers are the goal.
struct IgnorePattern: Sendable {
    enum Kind: Sendable {
        case exact
        case prefix(String)
        case suffix(String)
        case glob(GlobPattern)
    }

    /// The pattern after cleaning, without its `!`.
    let text: String
    /// `!pattern`: re-includes what earlier lines excluded.
    let isException: Bool
    /// 1-based, in the file as written (comments and blank lines counted).
    let line: Int
    let kind: Kind

    /// Compiles a cleaned pattern; nil when Go's `filepath.Match` calls it malformed.
    init?(_ text: String, isException: Bool, line: Int) {
        guard GlobPattern(go: text) != nil else { return nil }
        self.text = text
        self.isException = isException
        self.line = line
        var scanner = PatternScanner(text)
        var tokens: [GlobPattern.Token] = []
        // patternmatcher's `detectedType`: each wildcard decides again, the last one wins.
        // `regexp` marks the choice; its tokens are filled in once the whole line is read.
        var kind = Kind.exact
        let regexp = Kind.glob(GlobPattern(tokens: []))
        var position = 0
        while let scalar = scanner.next() {
            defer { position += 1 }
            switch scalar {
            case "*" where scanner.peek == "*":
                _ = scanner.next()
                if scanner.peek == "/" { _ = scanner.next() }
                if scanner.peek == nil, case .exact = kind {
                    kind = .prefix(String(text.utf8.dropLast(2))!)
                } else {
                    tokens.append(scanner.peek == nil ? .anything : .folders)
                    kind = regexp
                }
                if position == 0 { kind = .suffix(String(text.utf8.dropFirst(2))!) }
            case "*":
                tokens.append(.run)
                kind = regexp
            case "?":
                tokens.append(.oneCharacter)
                kind = regexp
            case "[":
                // Go's check above has already accepted every class in the pattern.
                tokens.append(.characterClass(scanner.characterClass()!))
                kind = regexp
            case "\\" where scanner.peek != nil:
                tokens.append(.literal(scanner.next()!))
                kind = regexp
            case "]":
                tokens.append(.literal(scalar))
                kind = regexp
            default:
                tokens.append(.literal(scalar))
            }
        }
        if case .glob = kind { kind = .glob(GlobPattern(tokens: tokens)) }
        self.kind = kind
    }

    func matches(_ path: String) -> Bool {
        switch kind {
        case .exact:
            return path.utf8.elementsEqual(text.utf8)
        case .prefix(let start):
            return path.utf8.starts(with: start.utf8)
        case .suffix(let end):
            if path.utf8.reversed().starts(with: end.utf8.reversed()) { return true }
            // `**/foo` also matches `foo` itself.
            return end.utf8.first == UInt8(ascii: "/") && path.utf8.elementsEqual(end.utf8.dropFirst())
        case .glob(let glob):
            return glob.matches(path)
        }
    }
}
