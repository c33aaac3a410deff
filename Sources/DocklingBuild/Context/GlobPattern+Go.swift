/// Go's `filepath.Match` syntax (path/filepath/match.go), which COPY sources use:
///
///     '*'         any run of characters but '/'
///     '?'         one character but '/'
///     '[' [ '^' ] { c | lo '-' hi } ']'   a class (non-empty; `\` escapes inside)
///     '\' c       the character c itself
///
/// A pattern that breaks these rules is `ErrBadPattern` in Go; here it is `nil`.
extension GlobPattern {
    /// Whether a path is a pattern rather than a plain name: an unescaped `*`, `?` or `[`
    /// (BuildKit's `containsWildcards`; `arr[[]0].txt` is how a name with `[` is written).
    static func hasWildcards(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\\" {
                _ = scalars.next()
            } else if scalar == "*" || scalar == "?" || scalar == "[" {
                return true
            }
        }
        return false
    }

    /// Go's `hasMeta`: whether a name must be matched rather than looked up (`\\` counts:
    /// `a\\*b` names the file `a*b`).
    static func hasMeta(_ name: String) -> Bool {
        name.unicodeScalars.contains { "*?[\\".unicodeScalars.contains($0) }
    }

    /// Compiles a Go pattern; nil when Go would answer `ErrBadPattern`.
    init?(go pattern: String) {
        var scanner = PatternScanner(pattern)
        var tokens: [Token] = []
        while let scalar = scanner.next() {
            switch scalar {
            case "*": tokens.append(.run)
            case "?": tokens.append(.oneCharacter)
            case "[":
                guard let set = scanner.characterClass() else { return nil }
                tokens.append(.characterClass(set))
            case "\\":
                guard let escaped = scanner.next() else { return nil }
                tokens.append(.literal(escaped))
            default: tokens.append(.literal(scalar))
            }
        }
        self.init(tokens: tokens)
    }
}

/// Reads a pattern one Unicode scalar at a time.
struct PatternScanner {
    private var scalars: ArraySlice<Unicode.Scalar>

    init(_ text: String) { scalars = Array(text.unicodeScalars)[...] }

    var peek: Unicode.Scalar? { scalars.first }

    mutating func next() -> Unicode.Scalar? { scalars.popFirst() }

    /// The rest of a class after its `[`, through its `]`; nil for Go's bad classes:
    /// unclosed, empty (`[]`, `[^]`), a range end missing, or a `-`/`]` where a
    /// character must be.
    mutating func characterClass() -> CharacterClass? {
        var set = CharacterClass(negated: false, spans: [])
        if peek == "^" {
            set.negated = true
            _ = next()
        }
        while true {
            if peek == "]" && !set.spans.isEmpty {
                _ = next()
                return set
            }
            guard let low = classCharacter() else { return nil }
            var high = low
            if peek == "-" {
                _ = next()
                guard let end = classCharacter() else { return nil }
                high = end
            }
            set.spans.append(.init(low: low, high: high))
        }
    }

    /// One character of a class (Go's `getEsc`): not `-` or `]`, `\` escapes.
    private mutating func classCharacter() -> Unicode.Scalar? {
        guard let scalar = next(), scalar != "-", scalar != "]" else { return nil }
        let character = scalar == "\\" ? next() : scalar
        // Go also refuses a class that ends right after a character.
        return peek == nil ? nil : character
    }
}
