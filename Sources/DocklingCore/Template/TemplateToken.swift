/// One word of the inside of a template action, as Go's lexer cuts it.
struct TemplateToken: Equatable {
    enum Kind: Equatable {
        /// `.Config` (one link of a chain: `.State.Status` is two tokens).
        case field
        /// `$` or `$name`.
        case variable
        /// A function name or a keyword (`if`, `range`, `end`…).
        case identifier
        /// A quoted string, already unescaped.
        case string
        case number
        case pipe, leftParen, rightParen, declare, assign, comma
        /// The end of the action (`}}` or `-}}`).
        case close
    }

    let kind: Kind
    let text: String
    /// Byte offset in the template, for messages.
    let offset: Int
    /// Whether a space came before it: `.A .B` is two arguments, `.A.B` one chain.
    let spaced: Bool
}
