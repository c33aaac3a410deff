/// The shell wildcard pattern of `${v#p}`, `${v%p}` and `${v/p/r}`: `*` any text, `?` any
/// one character, `\*` `\?` `\\` literal (lex.go `convertShellPatternToRegex`; no `[…]`).
///
/// BuildKit turns the pattern into a Go regular expression; this matcher backtracks in the
/// same order a regular expression engine does (leftmost match first; `*` tries the longest
/// text first when greedy, the shortest when not), so it picks the same match. As in Go,
/// `*` and `?` do not match a newline.
struct ShellPattern {
    enum Token: Equatable {
        case literal(Unicode.Scalar)
        case any
        case star
    }

    let tokens: [Token]

    init(_ text: String) throws(ShellLexerError) {
        self.tokens = try Self.tokens(Array(text.unicodeScalars))
    }

    private static func tokens(_ scalars: [Unicode.Scalar]) throws(ShellLexerError) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "*": tokens.append(.star)
            case "?": tokens.append(.any)
            case "\\":
                // `\}` and `\/` only protected the ${} syntax: the pattern has the bare character.
                if index < scalars.count, scalars[index] == "}" || scalars[index] == "/" { continue }
                let escaped = index < scalars.count ? scalars[index] : nil
                index += 1
                guard let escaped, escaped == "*" || escaped == "?" || escaped == "\\" else {
                    let shown = escaped.map { String(Character($0)) } ?? "\u{FFFD}"
                    throw ShellLexerError(message: "invalid pattern (\(String(scalars: scalars))) in substitution: "
                                          + "invalid escape '\\\(shown)'")
                }
                tokens.append(.literal(escaped))
            default: tokens.append(.literal(scalar))
            }
        }
        return tokens
    }

    /// `value` without its shortest (or, `greedy`, longest) prefix matching the pattern.
    func trimmingPrefix(of value: String, greedy: Bool) -> String {
        let scalars = Array(value.unicodeScalars)
        var search = Search(tokens: tokens, scalars: scalars, greedy: greedy)
        guard let end = search.end(from: 0) else { return value }
        return String(scalars: scalars[end...])
    }

    /// `value` without its shortest (or longest) suffix matching the pattern: the prefix
    /// search run on the reversed value with the reversed pattern, as BuildKit does.
    func trimmingSuffix(of value: String, greedy: Bool) -> String {
        let reversed = Array(value.unicodeScalars.reversed())
        var search = Search(tokens: tokens.reversed(), scalars: reversed, greedy: greedy)
        guard let end = search.end(from: 0) else { return value }
        return String(scalars: reversed[end...].reversed())
    }

    /// `value` with the leftmost match (or every match) replaced by `replacement`, stepping
    /// past matches as Go's `ReplaceAllString` does (an empty match right after a match is skipped).
    func replacing(in value: String, with replacement: String, all: Bool) -> String {
        let scalars = Array(value.unicodeScalars)
        var search = Search(tokens: tokens, scalars: scalars, greedy: true)
        var result = String.UnicodeScalarView()
        var lastMatchEnd = 0
        var searchFrom = 0
        while searchFrom <= scalars.count, let (matchStart, matchEnd) = search.leftmost(from: searchFrom) {
            result.append(contentsOf: scalars[lastMatchEnd..<matchStart])
            if matchEnd > lastMatchEnd || matchStart == 0 { result.append(contentsOf: replacement.unicodeScalars) }
            lastMatchEnd = matchEnd
            guard all else { break }
            searchFrom = max(matchEnd, searchFrom + 1)
        }
        result.append(contentsOf: scalars[lastMatchEnd...])
        return String(result)
    }

    /// A backtracking search that tries alternatives in the order a regular expression engine
    /// would, remembering where the rest of the pattern cannot match, so that patterns with
    /// many `*` stay fast (Go's engine is linear; plain backtracking would not be).
    private struct Search {
        let tokens: [Token]
        let scalars: [Unicode.Scalar]
        let greedy: Bool
        /// (token index, position) pairs known not to match.
        private var failures: Set<Int> = []

        init(tokens: [Token], scalars: [Unicode.Scalar], greedy: Bool) {
            self.tokens = tokens
            self.scalars = scalars
            self.greedy = greedy
        }

        mutating func leftmost(from start: Int) -> (Int, Int)? {
            for position in start...scalars.count {
                if let end = end(from: position) { return (position, end) }
            }
            return nil
        }

        /// Where a match of the whole pattern starting at `position` ends.
        mutating func end(from position: Int) -> Int? { end(token: 0, position: position) }

        private mutating func end(token index: Int, position: Int) -> Int? {
            guard index < tokens.count else { return position }
            let key = index * (scalars.count + 1) + position
            if failures.contains(key) { return nil }
            var found: Int?
            switch tokens[index] {
            case .literal(let scalar):
                if position < scalars.count, scalars[position] == scalar { found = end(token: index + 1, position: position + 1) }
            case .any:
                if position < scalars.count, scalars[position] != "\n" { found = end(token: index + 1, position: position + 1) }
            case .star:
                var limit = position
                while limit < scalars.count, scalars[limit] != "\n" { limit += 1 }
                for next in stride(from: greedy ? limit : position, through: greedy ? position : limit, by: greedy ? -1 : 1) {
                    found = end(token: index + 1, position: next)
                    if found != nil { break }
                }
            }
            if found == nil { failures.insert(key) }
            return found
        }
    }
}
