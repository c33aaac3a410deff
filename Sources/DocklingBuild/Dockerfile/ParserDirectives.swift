/// Parser directives: `# escape=``, `# syntax=…`, `# check=…` — comments of a special form
/// that count only at the very top of the file (BuildKit `parser/directives.go`). The first
/// line that is not one (a blank line, another comment, an instruction) ends them; an unknown
/// name is an ordinary comment; a known one may appear once.
struct ParserDirectives {
    static let known: Set<String> = ["syntax", "escape", "check"]

    private(set) var values: [String: String] = [:]
    private(set) var lines: [String: Int] = [:]
    private var done = false

    /// Looks at one line (line end removed); true when it was a directive.
    mutating func read(_ line: Substring, number: Int) throws(DockerfileError.Message) -> Bool {
        guard !done else { return false }
        guard line.unicodeScalars.first == "#", let (name, value) = Self.split(line.dropFirst().withoutLeadingSpace) else {
            done = true
            return false
        }
        let key = name.lowercased()
        guard Self.known.contains(key) else {
            done = true
            return false
        }
        guard values[key] == nil else { throw .init("only one \(key) parser directive can be used") }
        if key == "escape", value != "\\", value != "`" {
            throw .init("invalid escape token '\(value)' does not match ` or \\")
        }
        values[key] = value
        lines[key] = number
        return true
    }

    /// `name = value` as the regular expression `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` splits it.
    private static func split(_ text: Substring) -> (String, String)? {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, first.isASCII, first.properties.isAlphabetic else { return nil }
        var index = 1
        while index < scalars.count, scalars[index].isASCII, scalars[index].properties.isAlphabetic
                || ("0"..."9").contains(scalars[index]) {
            index += 1
        }
        let name = String(scalars: scalars[..<index])
        while index < scalars.count, isRegexSpace(scalars[index]) { index += 1 }
        guard index < scalars.count, scalars[index] == "=" else { return nil }
        var rest = scalars[(index + 1)...]
        while let last = rest.last, isRegexSpace(last) { rest.removeLast() }
        let value = rest.drop(while: isRegexSpace)
        if !value.isEmpty { return (name, String(scalars: value)) }
        // Only blanks after `=`: the lazy `(.+?)` still takes one of them.
        let blanks = scalars[(index + 1)...]
        return blanks.last.map { (name, String(Character($0))) }
    }

    /// `\s` of Go's regular expressions: ASCII blanks only.
    private static func isRegexSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\u{0C}" || scalar == "\r"
    }
}
