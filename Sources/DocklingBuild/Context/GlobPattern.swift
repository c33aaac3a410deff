/// A compiled shell-style pattern, matched against a whole string one Unicode scalar at a
/// time (Go works on runes the same way).
///
/// Two front ends build it: Go's `filepath.Match` (COPY wildcards, see `GlobPattern+Go.swift`)
/// and moby/patternmatcher, which adds `**` (`.dockerignore`, see `IgnorePattern`). Both
/// turn `*` into "any run of characters but `/`", which is why a `*` never crosses folders.
struct GlobPattern: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case literal(Unicode.Scalar)
        /// `?`: one character that is not `/`.
        case oneCharacter
        /// `*`: any run of characters, `/` excepted.
        case run
        /// patternmatcher's inner `**/` (regexp `(.*/)?`): zero or more whole folders.
        case folders
        /// patternmatcher's trailing `**` (regexp `.*`): anything at all.
        case anything
        case characterClass(CharacterClass)
    }

    var tokens: [Token]

    /// Whether `text` matches from its first character to its last.
    func matches(_ text: String) -> Bool {
        matches(Array(text.unicodeScalars)[...], tokens[...])
    }

    /// Backtracking over the few tokens a path pattern has: each `*` or `**` tries every
    /// length, shortest first.
    private func matches(_ text: ArraySlice<Unicode.Scalar>, _ tokens: ArraySlice<Token>) -> Bool {
        guard let token = tokens.first else { return text.isEmpty }
        let rest = tokens.dropFirst()
        switch token {
        case .literal(let scalar):
            return text.first == scalar && matches(text.dropFirst(), rest)
        case .oneCharacter:
            guard let first = text.first, first != "/" else { return false }
            return matches(text.dropFirst(), rest)
        case .characterClass(let set):
            guard let first = text.first, set.contains(first) else { return false }
            return matches(text.dropFirst(), rest)
        case .run:
            var remaining = text
            while true {
                if matches(remaining, rest) { return true }
                guard let first = remaining.first, first != "/" else { return false }
                remaining = remaining.dropFirst()
            }
        case .folders:
            // Zero folders, or everything up to and including any later slash.
            if matches(text, rest) { return true }
            return text.indices.contains { text[$0] == "/" && matches(text[($0 + 1)...], rest) }
        case .anything:
            return text.indices.contains { matches(text[$0...], rest) } || matches(text[text.endIndex...], rest)
        }
    }
}

/// `[a-z]`, `[^0-9]`: Go's character class, a list of ranges, perhaps negated.
struct CharacterClass: Sendable, Equatable {
    /// `lo-hi`, or one character as `c-c`. Go accepts `z-a`, which matches nothing.
    struct Span: Sendable, Equatable {
        var low: Unicode.Scalar, high: Unicode.Scalar
    }

    var negated: Bool
    var spans: [Span]

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        spans.contains { $0.low <= scalar && scalar <= $0.high } != negated
    }
}
