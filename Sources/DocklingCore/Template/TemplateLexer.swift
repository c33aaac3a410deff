/// Cuts a template into text and actions, and each action into tokens, as Go's
/// text/template lexer does — including `{{- ` and ` -}}`, which trim the spaces
/// around an action, and `{{/* comments */}}`.
struct TemplateLexer {
    enum Item {
        case text(String)
        /// The tokens of one `{{ … }}`, the last one `.close`; `offset` is where it opens.
        case action([TemplateToken], offset: Int)
    }

    let source: [UInt8]
    private var position = 0

    init(_ template: String) { source = Array(template.utf8) }

    /// Every item, in order.
    mutating func items() throws(TemplateError) -> [Item] {
        var items: [Item] = []
        var trimNext = false
        while position < source.count {
            let open = find("{{") ?? source.count
            var text = Array(source[position..<open])
            if trimNext { text = Array(text.drop { Self.isSpace($0) }) }
            position = open
            guard open < source.count else {
                if !text.isEmpty { items.append(.text(String(decoding: text, as: UTF8.self))) }
                break
            }
            position += 2
            if at("-"), position + 1 < source.count, Self.isSpace(source[position + 1]) {
                while let last = text.last, Self.isSpace(last) { text.removeLast() }
                position += 1
            }
            if !text.isEmpty { items.append(.text(String(decoding: text, as: UTF8.self))) }
            let (tokens, comment) = try action(openedAt: open)
            trimNext = tokens.last?.text == "-}}"
            if !comment { items.append(.action(tokens, offset: open)) }
        }
        return items
    }

    /// The tokens up to and including the closing `}}`, and whether it was a comment.
    private mutating func action(openedAt open: Int) throws(TemplateError) -> ([TemplateToken], comment: Bool) {
        skipSpaces()
        if at("/*") {
            guard let end = find("*/") else { throw .parse("unclosed comment", at: open, in: source) }
            position = end + 2
            skipSpaces()
            let closing = at("-}}") ? "-}}" : "}}"
            guard at(closing) else { throw .parse("comment ends before closing delimiter", at: open, in: source) }
            position += closing.utf8.count
            return ([TemplateToken(kind: .close, text: closing, offset: position, spaced: true)], true)
        }
        var tokens: [TemplateToken] = []
        while true {
            let spaced = skipSpaces() || tokens.isEmpty
            guard position < source.count else { throw .parse("unclosed action", at: open, in: source) }
            let start = position
            if spaced, at("-}}") || at("}}") {
                let text = at("-}}") ? "-}}" : "}}"
                position += text.utf8.count
                tokens.append(TemplateToken(kind: .close, text: text, offset: start, spaced: spaced))
                return (tokens, false)
            }
            if at("}}") {
                position += 2
                tokens.append(TemplateToken(kind: .close, text: "}}", offset: start, spaced: spaced))
                return (tokens, false)
            }
            tokens.append(try token(spaced: spaced))
        }
    }

    private mutating func token(spaced: Bool) throws(TemplateError) -> TemplateToken {
        let start = position
        let byte = source[position]
        func make(_ kind: TemplateToken.Kind, _ text: String) -> TemplateToken {
            TemplateToken(kind: kind, text: text, offset: start, spaced: spaced)
        }
        switch byte {
        case UInt8(ascii: "|"): position += 1; return make(.pipe, "|")
        case UInt8(ascii: "("): position += 1; return make(.leftParen, "(")
        case UInt8(ascii: ")"): position += 1; return make(.rightParen, ")")
        case UInt8(ascii: ","): position += 1; return make(.comma, ",")
        case UInt8(ascii: "="): position += 1; return make(.assign, "=")
        case UInt8(ascii: ":") where at(":="): position += 2; return make(.declare, ":=")
        case UInt8(ascii: "\""), UInt8(ascii: "`"): return make(.string, try quoted())
        case UInt8(ascii: "."):
            position += 1
            return make(.field, "." + (try word()))
        case UInt8(ascii: "$"):
            position += 1
            return make(.variable, "$" + (try word()))
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"):
            position += 1
            while position < source.count, Self.isNumberByte(source[position]) { position += 1 }
            try requireTerminator()
            return make(.number, String(decoding: source[start..<position], as: UTF8.self))
        default:
            guard Self.isWordByte(byte) else {
                throw .parse("unrecognized character in action: \(Self.describe(at: start, in: source))", at: start, in: source)
            }
            return make(.identifier, try word())
        }
    }

    /// Letters, digits and underscores, then something that may end a word.
    private mutating func word() throws(TemplateError) -> String {
        let start = position
        while position < source.count, Self.isWordByte(source[position]) { position += 1 }
        let text = String(decoding: source[start..<position], as: UTF8.self)
        try requireTerminator()
        return text
    }

    /// Go's `atTerminator`: a word must be followed by a space, `.`, `,`, `|`, `:`,
    /// `(`, `)`, the closing delimiter, or the end.
    private func requireTerminator() throws(TemplateError) {
        guard position < source.count else { return }
        let byte = source[position]
        if Self.isSpace(byte) || ".,|:()".utf8.contains(byte) || at("}}") { return }
        throw .parse("bad character \(Self.describe(at: position, in: source))", at: position, in: source)
    }

    /// A `"…"` string with backslash escapes, or a raw `` `…` `` string.
    private mutating func quoted() throws(TemplateError) -> String {
        let start = position
        let quote = source[position]
        position += 1
        var bytes: [UInt8] = []
        while position < source.count, source[position] != quote {
            var byte = source[position]
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\"), position + 1 < source.count {
                position += 1
                switch source[position] {
                case UInt8(ascii: "n"): byte = UInt8(ascii: "\n")
                case UInt8(ascii: "t"): byte = UInt8(ascii: "\t")
                case UInt8(ascii: "r"): byte = UInt8(ascii: "\r")
                default: byte = source[position]
                }
            } else if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\n") {
                break
            }
            bytes.append(byte)
            position += 1
        }
        guard position < source.count, source[position] == quote else {
            throw .parse(quote == UInt8(ascii: "\"") ? "unterminated quoted string" : "unterminated raw quoted string",
                         at: start, in: source)
        }
        position += 1
        return String(decoding: bytes, as: UTF8.self)
    }

    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = position
        while position < source.count, Self.isSpace(source[position]) { position += 1 }
        return position > start
    }

    private func at(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return position + bytes.count <= source.count && Array(source[position..<position + bytes.count]) == bytes
    }

    private func find(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        var index = position
        while index + bytes.count <= source.count {
            if Array(source[index..<index + bytes.count]) == bytes { return index }
            index += 1
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d }

    static func isWordByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a)
            || byte >= 0x80
    }

    static func isNumberByte(_ byte: UInt8) -> Bool {
        isWordByte(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// Go's `%#U`: `U+007D '}'`.
    static func describe(at offset: Int, in source: [UInt8]) -> String {
        let scalar = String(decoding: source[offset...].prefix(4), as: UTF8.self).unicodeScalars.first ?? "?"
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + " '\(scalar)'"
    }
}
