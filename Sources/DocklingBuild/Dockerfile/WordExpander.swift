/// docker's shell-word processing (BuildKit `shell/lex.go`): quotes, escapes, `$v` `${v}`
/// `${v:-w}` `${v-w}` `${v:+w}` `${v+w}` `${v:?msg}` (and the `#` `##` `%` `%%` `/` `//`
/// forms). An unset variable becomes "".
///
/// Errors carry BuildKit's message (`failed to process "${x": syntax error: missing '}'`) but
/// no file or line: the caller knows which step it was expanding and fills them in.
public struct WordExpander: Sendable {
    /// The escape character: `\`, or `` ` `` under `# escape=``.
    public let escape: Character

    public init(escape: Character) {
        self.escape = escape
    }

    /// `word` as one string: quotes removed, escapes and variables processed, spaces kept.
    public func expand(_ word: String, _ lookup: (String) -> String?) throws(DockerfileError) -> String {
        do {
            return try lexer.processWord(word, lookup)
        } catch {
            throw DockerfileError(file: "", line: nil, message: error.message)
        }
    }

    /// `text` split into words at unquoted blanks, each processed as by `expand`; a variable's
    /// value splits at its blanks too unless it is quoted (`EXPOSE $PORTS`).
    public func expandWords(_ text: String, _ lookup: (String) -> String?) throws(DockerfileError) -> [String] {
        do {
            return try lexer.processWords(text, lookup)
        } catch {
            throw DockerfileError(file: "", line: nil, message: error.message)
        }
    }

    /// An instruction's text as BuildKit names its step (`processCmdEnv` in dockerfile2llb):
    /// processed as one word with the values set at that step. For RUN (`run: true`) the
    /// quotes stay and a variable that is not set stays as written (`SkipUnsetEnv`), since
    /// the shell will see it; for COPY, ADD and WORKDIR quotes go and unset is "", as their
    /// arguments are expanded. Text the lexer cannot read is named as written.
    public func stepName(_ text: String, run: Bool, _ lookup: (String) -> String?) -> String {
        var lexer = self.lexer
        lexer.rawQuotes = run
        lexer.keepUnset = run
        return (try? lexer.processWord(text, lookup)) ?? text
    }

    private var lexer: ShellLexer {
        ShellLexer(escape: escape.unicodeScalars.first ?? "\\")
    }
}
