/// Parameter expansion: `$name`, `${name}` and the `${name<modifier>word}` forms docker
/// supports (lex.go `processDollar`). The word of a modifier is itself expanded first.
extension ShellScan {
    mutating func dollar() throws(ShellLexerError) -> String {
        position += 1
        guard peek == "{" else {
            let name = self.name()
            if name.isEmpty { return "$" }
            return value(of: name) ?? (lexer.keepUnset ? "$" + name : "")
        }
        position += 1
        switch peek {
        case nil: throw ShellLexerError(message: "syntax error: missing '}'")
        case "{", "}", ":": throw ShellLexerError(message: "syntax error: bad substitution")
        default: break
        }
        let name = self.name()
        var modifier = next()
        switch modifier {
        case "}":
            return value(of: name) ?? (lexer.keepUnset ? "${\(name)}" : "")
        case "/":
            return try replacement(of: name)
        case ":", "+", "-", "?", "#", "%":
            break
        case nil:
            // BuildKit says "unsupported modifier (\u{FFFD})" here; the real problem is this.
            throw ShellLexerError(message: "syntax error: missing '}'")
        default:
            throw ShellLexerError(message: "unsupported modifier (\(Self.text(modifier))) in substitution")
        }
        // `:` makes an empty value count as unset: `${v:-w}` vs `${v-w}`.
        let nullIsUnset = modifier == ":"
        var spelled = Self.text(modifier)
        if nullIsUnset {
            modifier = next()
            spelled += Self.text(modifier)
        }
        let isPattern = modifier == "#" || modifier == "%"
        if nullIsUnset && isPattern {
            throw ShellLexerError(message: "unsupported modifier (\(spelled)) in substitution")
        }
        var word = try modifierWord(until: "}", rawEscapes: isPattern)
        let value = value(of: name)
        if lexer.keepUnset && value == nil { return "${\(name)\(spelled)\(word)}" }
        let unset = value == nil || (nullIsUnset && value == "")
        switch modifier {
        case "-":
            return unset ? word : value!
        case "+":
            return unset ? "" : word
        case "?":
            if value == nil { throw ShellLexerError(message: "\(name): \(word.isEmpty ? "is not allowed to be unset" : word)") }
            if unset { throw ShellLexerError(message: "\(name): \(word.isEmpty ? "is not allowed to be empty" : word)") }
            return value!
        case "#", "%":
            // `#`/`%` remove the shortest matching prefix/suffix, `##`/`%%` the longest.
            let greedy = word.unicodeScalars.first == modifier
            if greedy { word.unicodeScalars.removeFirst() }
            let pattern = try ShellPattern(word)
            return modifier == "%" ? pattern.trimmingSuffix(of: value ?? "", greedy: greedy)
                                   : pattern.trimmingPrefix(of: value ?? "", greedy: greedy)
        default:
            throw ShellLexerError(message: "unsupported modifier (\(spelled)) in substitution")
        }
    }

    /// `${name/pattern/replacement}` (first match) and `${name//pattern/replacement}` (all).
    private mutating func replacement(of name: String) throws(ShellLexerError) -> String {
        let all = peek == "/"
        if all { position += 1 }
        let patternText = try modifierWord(until: "/", rawEscapes: true, missing: "syntax error: missing '/' in ${}")
        let replacement = try modifierWord(until: "}", rawEscapes: true)
        guard let value = value(of: name) else {
            return lexer.keepUnset ? "${\(name)/\(patternText)/\(replacement)}" : ""
        }
        return try ShellPattern(patternText).replacing(in: value, with: replacement, all: all)
    }

    /// The word of a modifier, expanded, up to `stop`.
    private mutating func modifierWord(until stop: Unicode.Scalar, rawEscapes: Bool,
                                       missing: String = "syntax error: missing '}'") throws(ShellLexerError) -> String {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            throw ShellLexerError(message: "syntax error: more than \(Self.maximumNesting) substitutions inside each other")
        }
        do {
            return try processUntil(stop, rawEscapes: rawEscapes).text
        } catch {
            throw peek == nil ? ShellLexerError(message: missing) : error
        }
    }

    /// A variable name: letters, digits and `_`; or a run of digits (`$1`); or one of the
    /// shell's special parameters (`$@`, `$#`…).
    private mutating func name() -> String {
        var name = ""
        while let scalar = peek {
            if name.isEmpty && scalar.properties.numericType == .decimal {
                while let digit = peek, digit.properties.numericType == .decimal {
                    name.unicodeScalars.append(digit)
                    position += 1
                }
                return name
            }
            if name.isEmpty && "@*#?-$!0".unicodeScalars.contains(scalar) {
                position += 1
                return String(Character(scalar))
            }
            guard scalar.isLetter || scalar.properties.numericType == .decimal || scalar == "_" else { break }
            name.unicodeScalars.append(scalar)
            position += 1
        }
        return name
    }

    private func value(of name: String) -> String? { lookup(name) }
}

extension Unicode.Scalar {
    /// Go's `unicode.IsLetter`: the letter categories (Lu, Ll, Lt, Lm, Lo).
    var isLetter: Bool {
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }
}

extension ShellScan {
    /// How Go prints a rune it read past the end: the replacement character.
    fileprivate static func text(_ scalar: Unicode.Scalar?) -> String {
        String(Character(scalar ?? "\u{FFFD}"))
    }
}
