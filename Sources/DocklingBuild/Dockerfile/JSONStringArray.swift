/// The exec form's JSON array, read as Go's `json.Unmarshal` into `[]any` reads it: any valid
/// JSON counts as JSON (so `["a", 1]` is a JSON array, just not a usable one), anything else
/// is not JSON at all and the instruction falls back to its shell form.
struct JSONStringArray {
    /// Go's decoder refuses to nest deeper (`exceeded max depth`): that text is not JSON.
    static let maximumDepth = 10000

    private let scalars: [Unicode.Scalar]
    private var position = 0

    /// The strings of `text` when it is a JSON array of strings; nil when it is not JSON (or
    /// not an array); fails when it is a JSON array holding something other than strings.
    static func parse(_ text: String) throws(DockerfileError.Message) -> [String]? {
        var reader = JSONStringArray(scalars: Array(text.unicodeScalars))
        reader.skipBlanks()
        guard reader.peek == "[" else { return nil }
        guard let values = try? reader.document() else { return nil }
        let strings = values.compactMap { $0 }
        guard strings.count == values.count else {
            throw .init("when using JSON array syntax, arrays must be comprised of strings only")
        }
        return strings
    }

    private struct Invalid: Error {}

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    /// The array's elements, nil for each that is not a string; the whole text must be used.
    private mutating func document() throws(Invalid) -> [String?] {
        var elements: [String?] = []
        position += 1
        skipBlanks()
        if peek == "]" {
            position += 1
        } else {
            repeat {
                skipBlanks()
                if peek == "\"" {
                    elements.append(try string())
                } else {
                    try skipValue()
                    elements.append(nil)
                }
                skipBlanks()
            } while try expect([",", "]"]) == ","
        }
        skipBlanks()
        guard peek == nil else { throw Invalid() }
        return elements
    }

    /// Checks one value that is not a string and moves past it. Nested arrays and objects are
    /// followed with a stack of the brackets still open, not by recursion, so that no depth
    /// Go accepts can overflow the stack.
    private mutating func skipValue() throws(Invalid) {
        var closers: [Unicode.Scalar] = []
        while true {
            skipBlanks()
            switch peek {
            case "[", "{":
                let closer: Unicode.Scalar = peek == "[" ? "]" : "}"
                // The array this value is in counts as one level.
                guard closers.count + 2 <= Self.maximumDepth else { throw Invalid() }
                position += 1
                skipBlanks()
                if peek == closer {
                    position += 1
                } else {
                    closers.append(closer)
                    if closer == "}" { try key() }
                    continue
                }
            case "\"": _ = try string()
            case "t": try literal("true")
            case "f": try literal("false")
            case "n": try literal("null")
            default: try number()
            }
            // After a value: a comma and the next member, or the end of the container.
            while let closer = closers.last {
                skipBlanks()
                if try expect([",", closer]) == "," {
                    if closer == "}" { try key() }
                    break
                }
                closers.removeLast()
            }
            if closers.isEmpty { return }
        }
    }

    /// `"name" :` before an object member's value.
    private mutating func key() throws(Invalid) {
        skipBlanks()
        guard peek == "\"" else { throw Invalid() }
        _ = try string()
        skipBlanks()
        try expect([":"])
    }

    private mutating func string() throws(Invalid) -> String {
        position += 1
        var text = String.UnicodeScalarView()
        while let scalar = peek {
            position += 1
            switch scalar {
            case "\"": return String(text)
            case "\\":
                guard let escaped = peek else { throw Invalid() }
                position += 1
                switch escaped {
                case "\"", "\\", "/": text.append(escaped)
                case "b": text.append("\u{08}")
                case "f": text.append("\u{0C}")
                case "n": text.append("\n")
                case "r": text.append("\r")
                case "t": text.append("\t")
                case "u": text.append(try unicodeEscape())
                default: throw Invalid()
                }
            default:
                guard scalar.value >= 0x20 else { throw Invalid() }
                text.append(scalar)
            }
        }
        throw Invalid()
    }

    /// `\uXXXX`, a surrogate pair joined; a lone surrogate becomes U+FFFD, as in Go.
    private mutating func unicodeEscape() throws(Invalid) -> Unicode.Scalar {
        let high = try hex4()
        guard (0xD800..<0xDC00).contains(high) else { return Unicode.Scalar(high) ?? "\u{FFFD}" }
        let saved = position
        if peek == "\\", position + 1 < scalars.count, scalars[position + 1] == "u" {
            position += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
            }
        }
        position = saved
        return "\u{FFFD}"
    }

    private mutating func hex4() throws(Invalid) -> UInt32 {
        guard position + 4 <= scalars.count else { throw Invalid() }
        let digits = String(scalars: scalars[position..<position + 4])
        guard let value = UInt32(digits, radix: 16), digits.unicodeScalars.allSatisfy(\.isASCII) else { throw Invalid() }
        position += 4
        return value
    }

    private mutating func literal(_ word: String) throws(Invalid) {
        for expected in word.unicodeScalars {
            guard peek == expected else { throw Invalid() }
            position += 1
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func number() throws(Invalid) {
        if peek == "-" { position += 1 }
        guard let first = peek, ("0"..."9").contains(first) else { throw Invalid() }
        if first == "0" { position += 1 } else { digits() }
        if peek == "." {
            position += 1
            guard digitsRequired() else { throw Invalid() }
        }
        if peek == "e" || peek == "E" {
            position += 1
            if peek == "+" || peek == "-" { position += 1 }
            guard digitsRequired() else { throw Invalid() }
        }
    }

    private mutating func digits() {
        while let scalar = peek, ("0"..."9").contains(scalar) { position += 1 }
    }

    private mutating func digitsRequired() -> Bool {
        let start = position
        digits()
        return position > start
    }

    @discardableResult
    private mutating func expect(_ choices: [Unicode.Scalar]) throws(Invalid) -> Unicode.Scalar {
        guard let scalar = peek, choices.contains(scalar) else { throw Invalid() }
        position += 1
        return scalar
    }

    mutating func skipBlanks() {
        while let scalar = peek, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { position += 1 }
    }
}
