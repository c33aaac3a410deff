/// The word processor behind every `$VAR` in a Dockerfile: BuildKit's `shell/lex.go`,
/// rewritten. It mimics the POSIX shell's quoting (`'…'` literal, `"…"` with `$` and a few
/// escapes, the escape character outside quotes) and parameter expansion, but never runs
/// anything: a Dockerfile's `ENV`, `COPY`, `WORKDIR`… are expanded by the builder itself.
///
/// The options exist because the parser reuses the same lexer to find heredoc words
/// (quotes and escapes kept raw, unknown variables left as written).
struct ShellLexer {
    var escape: Unicode.Scalar = "\\"
    /// Keep the quote characters in the result (still honouring what they quote).
    var rawQuotes = false
    /// Keep the escape characters in the result.
    var rawEscapes = false
    /// Treat quotes as ordinary characters (heredoc bodies: only `$` and escapes matter).
    var skipQuotes = false
    /// Leave `$name` of an unset variable as written instead of "".
    var keepUnset = false

    /// `word` as one string, spaces kept.
    func processWord(_ word: String, _ lookup: (String) -> String?) throws(ShellLexerError) -> String {
        try process(word, lookup).text
    }

    /// `word` split into words at unquoted blanks, after expansion (`$v` holding blanks splits too).
    func processWords(_ word: String, _ lookup: (String) -> String?) throws(ShellLexerError) -> [String] {
        try process(word, lookup).words
    }

    private func process(_ word: String, _ lookup: (String) -> String?) throws(ShellLexerError) -> (text: String, words: [String]) {
        let result: Result<(text: String, words: [String]), ShellLexerError> = withoutActuallyEscaping(lookup) { lookup in
            var scan = ShellScan(lexer: self, scalars: Array(word.unicodeScalars), lookup: lookup)
            return Result { () throws(ShellLexerError) in try scan.processUntil(nil, rawEscapes: rawEscapes) }
        }
        do {
            return try result.get()
        } catch {
            throw ShellLexerError(message: "failed to process \(GoQuote.string(word)): \(error.message)")
        }
    }
}

/// What the lexer could not read, in BuildKit's words.
struct ShellLexerError: Error {
    var message: String
}

/// The words of an unquoted stretch: blanks end a word, quoted text never does.
struct ShellWords {
    private(set) var words: [String] = []
    private var current = ""
    private var inWord = false

    mutating func add(_ scalar: Unicode.Scalar) {
        if scalar.properties.isWhitespace {
            if inWord, !current.isEmpty {
                words.append(current)
                current = ""
                inWord = false
            }
        } else {
            addRaw(scalar)
        }
    }

    mutating func addRaw(_ scalar: Unicode.Scalar) {
        current.unicodeScalars.append(scalar)
        inWord = true
    }

    mutating func add(_ text: String) {
        for scalar in text.unicodeScalars { add(scalar) }
    }

    mutating func addRaw(_ text: String) {
        current += text
        inWord = true
    }

    mutating func finish() -> [String] {
        if !current.isEmpty {
            words.append(current)
            current = ""
            inWord = false
        }
        return words
    }
}
