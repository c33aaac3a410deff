/// Turns the lexer's items into nodes, checking what Go checks before it runs anything:
/// balanced `if`/`range`/`with`…`end`, known functions, declared variables.
struct TemplateParser {
    private let source: [UInt8]
    private var items: [TemplateLexer.Item]
    private var index = 0
    /// Variables in scope; `$` (the object itself) always is.
    private var variables: [String] = ["$"]

    init(_ template: String) throws(TemplateError) {
        var lexer = TemplateLexer(template)
        items = try lexer.items()
        source = lexer.source
    }

    /// The whole template.
    mutating func parse() throws(TemplateError) -> [TemplateNode] {
        let (nodes, ending) = try list()
        if let ending { throw .parse("unexpected {{\(ending.word)}}", at: ending.offset, in: source) }
        return nodes
    }

    /// Nodes up to an `{{end}}` or `{{else …}}` (returned, not consumed past), or the end.
    private mutating func list() throws(TemplateError) -> ([TemplateNode], (word: String, offset: Int, tokens: [TemplateToken])?) {
        var nodes: [TemplateNode] = []
        while index < items.count {
            let item = items[index]
            index += 1
            switch item {
            case .text(let text): nodes.append(.text(text))
            case .action(let tokens, let offset):
                let first = tokens[0]
                if first.kind == .identifier, first.text == "end" || first.text == "else" {
                    return (nodes, (first.text, offset, Array(tokens.dropFirst())))
                }
                if first.kind == .identifier, let keyword = TemplateNode.Keyword(rawValue: first.text) {
                    nodes.append(try branch(keyword, tokens: Array(tokens.dropFirst()), offset: offset))
                } else {
                    var cursor = Cursor(tokens: tokens)
                    nodes.append(.action(try pipeline(&cursor, context: "command")))
                }
            }
        }
        return (nodes, nil)
    }

    /// `{{if p}} … {{else if q}} … {{else}} … {{end}}` and the like for `with` and `range`.
    private mutating func branch(_ keyword: TemplateNode.Keyword, tokens: [TemplateToken],
                                 offset: Int) throws(TemplateError) -> TemplateNode {
        let saved = variables
        defer { variables = saved }
        var cursor = Cursor(tokens: tokens)
        let condition = try pipeline(&cursor, context: keyword.rawValue, declaring: true)
        let (body, ending) = try list()
        guard let ending else { throw .parse("unexpected EOF", at: source.count, in: source) }
        var otherwise: [TemplateNode] = []
        if ending.word == "else" {
            if let next = ending.tokens.first, next.kind == .identifier,
               let chained = TemplateNode.Keyword(rawValue: next.text), chained != .range {
                // `{{else if …}}` is an `if` inside the else part, sharing its `{{end}}`.
                otherwise = [try branch(chained, tokens: Array(ending.tokens.dropFirst()), offset: ending.offset)]
                return .branch(keyword, condition, body, otherwise)
            }
            let (elseBody, end) = try list()
            guard let end else { throw .parse("unexpected EOF", at: source.count, in: source) }
            guard end.word == "end" else { throw .parse("unexpected {{else}}", at: end.offset, in: source) }
            otherwise = elseBody
        }
        return .branch(keyword, condition, body, otherwise)
    }

    /// `[$a[, $b] :=] command | command …`, up to `}}` or a closing parenthesis.
    private mutating func pipeline(_ cursor: inout Cursor, context: String,
                                   declaring: Bool = true) throws(TemplateError) -> TemplateNode.Pipeline {
        var declared: [String] = []
        if declaring, let declaration = cursor.declaration() {
            declared = declaration
            variables += declared
        }
        var commands: [TemplateNode.Command] = []
        while true {
            var arguments: [TemplateNode.Argument] = []
            while let token = cursor.peek(), ![.pipe, .close, .rightParen].contains(token.kind) {
                arguments.append(try argument(&cursor))
            }
            guard !arguments.isEmpty else {
                let at = cursor.peek()?.offset ?? source.count
                throw .parse(commands.isEmpty && context != "command" ? "missing value for \(context)"
                             : "missing value for command", at: at, in: source)
            }
            commands.append(TemplateNode.Command(arguments: arguments))
            guard cursor.peek()?.kind == .pipe else { break }
            cursor.advance()
        }
        return TemplateNode.Pipeline(variables: declared, commands: commands)
    }

    /// One argument, with the fields chained right after it (`.A.B`, `$x.C`, `(…).D`).
    private mutating func argument(_ cursor: inout Cursor) throws(TemplateError) -> TemplateNode.Argument {
        let token = cursor.next()!
        switch token.kind {
        case .field:
            let (names, chained) = cursor.chain(after: [token])
            return .field(token.text == "." ? names.dropFirst().map { $0 } : names.map { String($0.dropFirst()) },
                          location(chained, text: names.joined()))
        case .variable:
            guard variables.contains(token.text) else {
                throw .parse("undefined variable \"\(token.text)\"", at: token.offset, in: source)
            }
            let (names, chained) = cursor.chain(after: [])
            return .variable(token.text, names.map { String($0.dropFirst()) },
                             location(chained ?? token, text: token.text + names.joined()))
        case .string: return .string(token.text)
        case .number:
            if let whole = Int64(token.text) { return .number(.int(whole)) }
            guard let value = Double(token.text) else { throw .parse("bad number syntax: \"\(token.text)\"", at: token.offset, in: source) }
            return .number(.double(value))
        case .leftParen:
            let inner = try pipeline(&cursor, context: "command", declaring: false)
            guard cursor.next()?.kind == .rightParen else { throw .parse("unclosed left paren", at: token.offset, in: source) }
            let (names, chained) = cursor.chain(after: [])
            return .parenthesized(inner, names.map { String($0.dropFirst()) }, location(chained ?? token, text: "(…)" + names.joined()))
        case .identifier:
            switch token.text {
            case "true", "false": return .bool(token.text == "true")
            case "nil": return .null
            default:
                guard TemplateFunctions.names.contains(token.text) else {
                    throw .parse("function \"\(token.text)\" not defined", at: token.offset, in: source)
                }
                return .function(token.text, location(token, text: token.text))
            }
        default:
            throw .parse("unexpected \"\(token.text)\" in operand", at: token.offset, in: source)
        }
    }

    /// Go reports a node at its position on its line, counted in bytes from 0.
    private func location(_ token: TemplateToken?, text: String) -> TemplateNode.Location {
        let offset = token?.offset ?? 0
        let before = source.prefix(offset)
        let line = 1 + before.filter { $0 == UInt8(ascii: "\n") }.count
        let lineStart = (before.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        return TemplateNode.Location(line: line, column: offset - lineStart, text: text)
    }

    /// Walks one action's tokens.
    struct Cursor {
        let tokens: [TemplateToken]
        var position = 0

        func peek() -> TemplateToken? { position < tokens.count ? tokens[position] : nil }
        mutating func advance() { position += 1 }
        mutating func next() -> TemplateToken? {
            defer { position += 1 }
            return peek()
        }

        /// Fields written right after the previous token, with no space: the chain
        /// `.State.Status`. Returns their texts and the token Go would point at: the
        /// second link of a chain.
        mutating func chain(after first: [TemplateToken]) -> ([String], TemplateToken?) {
            var links = first
            while let token = peek(), token.kind == .field, !token.spaced, token.text != "." {
                links.append(token)
                advance()
            }
            let pointed = first.isEmpty ? links.first : (links.count > 1 ? links[1] : links.first)
            return (links.map(\.text), pointed)
        }

        /// `$x :=` or `$i, $e :=` at the start of a pipeline.
        mutating func declaration() -> [String]? {
            let names = tokens.dropFirst(position).prefix { $0.kind == .variable || $0.kind == .comma }
            guard let after = tokens.dropFirst(position + names.count).first, after.kind == .declare,
                  !names.isEmpty else { return nil }
            position += names.count + 1
            return names.filter { $0.kind == .variable }.map(\.text)
        }
    }
}
