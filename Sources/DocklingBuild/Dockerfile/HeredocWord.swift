/// A heredoc word on an instruction line — `<<EOF`, `<<-EOF`, `<<"EOF"`, `3<<EOF`, `<< EOF`
/// — as BuildKit recognises it (`parser.ParseHeredoc`): the delimiter name with its quotes
/// removed, whether the body is expanded (no quotes anywhere in the word), and whether
/// leading tabs are stripped (`<<-`).
struct HeredocWord: Equatable {
    var name: String
    var expand: Bool
    var chomp: Bool

    /// The heredoc words of an instruction line, in order. The line is split as a shell would
    /// (quotes and escapes kept), so `"<<EOF"` inside quotes is not one.
    static func all(in line: String) throws(DockerfileError.Message) -> [HeredocWord] {
        let lexer = ShellLexer(rawQuotes: true, rawEscapes: true, keepUnset: true)
        // BuildKit ignores a line the lexer cannot split (an unclosed quote): no heredocs.
        guard let words = try? lexer.processWords(line, { _ in nil }) else { return [] }
        var heredocs: [HeredocWord] = []
        for word in words {
            if let heredoc = try HeredocWord(word) { heredocs.append(heredoc) }
        }
        return heredocs
    }

    /// The heredoc `word` is, or nil when it is none (`<<regex: ^(\d*)<<(-?)\s*([^<]*)$`).
    /// Fails on a word that opens a quote it does not close (`<<'EOF`).
    init?(_ word: String) throws(DockerfileError.Message) {
        var rest = Substring(word).unicodeScalars.drop { ("0"..."9").contains($0) }
        guard rest.starts(with: "<<".unicodeScalars) else { return nil }
        rest = rest.dropFirst(2)
        let chomp = rest.first == "-"
        if chomp { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{0C}" || $0 == "\r" }
        guard !rest.isEmpty, !rest.contains("<") else { return nil }
        let delimiter = String(Substring(rest))
        // Read the delimiter with quotes removed and with quotes kept: if the two differ in
        // how many quotes they hold, part of it was quoted, and the body is taken literally.
        let lookup: (String) -> String? = { _ in nil }
        let words: [String]
        let rawWords: [String]
        do {
            words = try ShellLexer(keepUnset: true).processWords(delimiter, lookup)
            guard words.count == 1 else { return nil }
            rawWords = try ShellLexer(rawQuotes: true, keepUnset: true).processWords(delimiter, lookup)
        } catch {
            throw DockerfileError.Message(error.message)
        }
        guard rawWords.count == 1 else {
            throw DockerfileError.Message("internal lexing of heredoc produced inconsistent results: \(delimiter)")
        }
        func quotes(_ text: String) -> Int { text.unicodeScalars.count { $0 == "'" || $0 == "\"" } }
        self.name = words[0]
        self.expand = quotes(words[0]) == quotes(rawWords[0])
        self.chomp = chomp
    }
}

extension Heredoc {
    /// `<<-` bodies: every line loses its leading tabs (BuildKit `ChompHeredocContent`).
    static func chomped(_ content: String) -> String {
        var result = String.UnicodeScalarView()
        var atLineStart = true
        for scalar in content.unicodeScalars {
            if atLineStart && scalar == "\t" { continue }
            atLineStart = scalar == "\n"
            result.append(scalar)
        }
        return String(result)
    }
}
