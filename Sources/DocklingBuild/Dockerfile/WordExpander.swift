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

    private var lexer: ShellLexer {
        ShellLexer(escape: escape.unicodeScalars.first ?? "\\")
    }
}
