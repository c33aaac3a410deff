/// One pass of `ShellLexer` over a word: a cursor over its Unicode scalars, reading quotes,
/// escapes and `$` expansions (lex.go's `shellWord`).
struct ShellScan {
    let lexer: ShellLexer
    let scalars: [Unicode.Scalar]
    let lookup: (String) -> String?
    var position = 0
    /// How many `${…}` words are being read inside each other.
    var nesting = 0
    /// A limit Go does not need (its stacks grow): deeper nesting would overflow this thread's.
    static let maximumNesting = 1000

    init(lexer: ShellLexer, scalars: [Unicode.Scalar], lookup: @escaping (String) -> String?) {
        self.lexer = lexer
        self.scalars = scalars
        self.lookup = lookup
    }

    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    mutating func next() -> Unicode.Scalar? {
        guard let scalar = peek else { return nil }
        position += 1
        return scalar
    }

    /// Reads up to `stop` (consumed) or the end when `stop` is nil: the text and its words.
    mutating func processUntil(_ stop: Unicode.Scalar?, rawEscapes: Bool) throws(ShellLexerError) -> (text: String, words: [String]) {
        var result = ""
        var words = ShellWords()
        while let scalar = peek {
            if let stop, scalar == stop {
                position += 1
                return (result, words.finish())
            }
            switch scalar {
            case "$":
                let value = try dollar()
                result += value
                words.add(value)
            case "<":
                let value = possibleHeredoc()
                result += value
                words.addRaw(value)
            case "'" where !lexer.skipQuotes:
                let value = try singleQuoted()
                result += value
                words.addRaw(value)
            case "\"" where !lexer.skipQuotes:
                let value = try doubleQuoted(rawEscapes: rawEscapes)
                result += value
                words.addRaw(value)
            default:
                position += 1
                if scalar == lexer.escape {
                    if rawEscapes {
                        words.addRaw(scalar)
                        result.unicodeScalars.append(scalar)
                    }
                    // The escape character takes the next character literally; at the end it vanishes.
                    guard let escaped = next() else { break }
                    words.addRaw(escaped)
                    result.unicodeScalars.append(escaped)
                } else {
                    words.add(scalar)
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        if let stop {
            throw ShellLexerError(message: "unexpected end of statement while looking for matching \(Character(stop))")
        }
        return (result, words.finish())
    }

    /// `'…'`: every character literal, no escapes at all (as in sh).
    private mutating func singleQuoted() throws(ShellLexerError) -> String {
        var result = ""
        let open = next()!
        if lexer.rawQuotes { result.unicodeScalars.append(open) }
        while true {
            guard let scalar = next() else {
                throw ShellLexerError(message: "unexpected end of statement while looking for matching single-quote")
            }
            if scalar == "'" {
                if lexer.rawQuotes { result.unicodeScalars.append(scalar) }
                return result
            }
            result.unicodeScalars.append(scalar)
        }
    }

    /// `"…"`: literal except `$`, and the escape character before `"`, `$` or itself.
    private mutating func doubleQuoted(rawEscapes: Bool) throws(ShellLexerError) -> String {
        var result = ""
        let open = next()!
        if lexer.rawQuotes { result.unicodeScalars.append(open) }
        while true {
            guard let scalar = peek else {
                throw ShellLexerError(message: "unexpected end of statement while looking for matching double-quote")
            }
            if scalar == "\"" {
                position += 1
                if lexer.rawQuotes { result.unicodeScalars.append(scalar) }
                return result
            }
            if scalar == "$" {
                result += try dollar()
                continue
            }
            position += 1
            var literal = scalar
            if scalar == lexer.escape {
                if rawEscapes { result.unicodeScalars.append(scalar) }
                guard let following = peek else { continue }
                if following == "\"" || following == "$" || following == lexer.escape {
                    literal = following
                    position += 1
                }
            }
            result.unicodeScalars.append(literal)
        }
    }

    /// `<<` and the blanks after it stay together, so that `<< EOF` is one heredoc word.
    private mutating func possibleHeredoc() -> String {
        position += 1
        guard peek == "<" else { return "<" }
        position += 1
        var result = "<<"
        while let scalar = peek, scalar == " " || scalar == "\t" || scalar == "\r" {
            result.unicodeScalars.append(scalar)
            position += 1
        }
        return result
    }
}
