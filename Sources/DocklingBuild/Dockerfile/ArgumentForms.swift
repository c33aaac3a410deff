/// The ways an instruction's arguments are written, each read as BuildKit's line parsers
/// read them (`parser/line_parsers.go`). Nothing is unquoted or expanded here except JSON.
enum ArgumentForms {
    /// RUN, CMD, ENTRYPOINT, SHELL: a JSON array of strings (exec form), else the whole text
    /// as one argument (shell form) — invalid JSON is not an error, it is shell form.
    static func jsonOrString(_ text: String) throws(DockerfileError.Message) -> ([DockerfileNode.Argument], Bool) {
        if text.isEmpty { return ([], false) }
        if let array = try JSONStringArray.parse(text) { return (array.map { .word($0) }, true) }
        return ([.word(text)], false)
    }

    /// FROM, EXPOSE, and ADD/COPY/VOLUME without JSON: split at runs of blanks.
    static func blankSeparated(_ text: String) -> [String] {
        text.unicodeScalars.split(whereSeparator: InstructionSplitter.isBlank).map { String(Substring($0)) }
    }

    /// ENV and LABEL: `name=value …` (each word must hold `=`) or the old `name value` form,
    /// in which everything after the first blank is the value. Each pair becomes three words:
    /// name, value and the separator (`=`, or "" for the old form).
    static func nameValues(_ text: String, keyword: String, escape: Unicode.Scalar) throws(DockerfileError.Message) -> [String] {
        let words = words(text, escape: escape)
        guard let first = words.first else { return [] }
        guard first.contains("=") else {
            let name = text.unicodeScalars.prefix { !InstructionSplitter.isBlank($0) }
            let value = text.unicodeScalars.dropFirst(name.count).drop(while: InstructionSplitter.isBlank)
            guard name.count < text.unicodeScalars.count else { throw .init("\(keyword) must have two arguments") }
            return [String(Substring(name)), String(Substring(value)), ""]
        }
        var result: [String] = []
        for word in words {
            guard let equals = word.firstIndex(of: "=") else {
                throw .init("Syntax error - can't find = in \(GoQuote.string(word)). Must be of the form: name=value")
            }
            result += [String(word[..<equals]), String(word[word.index(after: equals)...]), "="]
        }
        return result
    }

    /// ARG (and ENV/LABEL before splitting pairs): words at unquoted blanks, quotes and escape
    /// characters kept for the expansion that comes later.
    static func words(_ text: String, escape: Unicode.Scalar) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var quote: Unicode.Scalar?
        var inWord = false
        var blankOK = false
        var position = 0
        func finishWord() {
            if blankOK || !word.isEmpty { words.append(String(word)) }
            word = String.UnicodeScalarView()
            blankOK = false
            inWord = false
        }
        while position < scalars.count {
            var scalar = scalars[position]
            position += 1
            if let open = quote {
                if scalar == open { quote = nil }
                // The escape character works inside "…" but not inside '…'.
                if scalar == escape && open != "'" {
                    guard position < scalars.count else {
                        quote = nil
                        continue
                    }
                    word.append(scalar)
                    scalar = scalars[position]
                    position += 1
                }
                word.append(scalar)
                continue
            }
            if scalar.properties.isWhitespace {
                if inWord { finishWord() }
                continue
            }
            inWord = true
            if scalar == "'" || scalar == "\"" {
                quote = scalar
                blankOK = true
            }
            if scalar == escape {
                guard position < scalars.count else { continue }
                word.append(scalar)
                scalar = scalars[position]
                position += 1
            }
            word.append(scalar)
        }
        if inWord { finishWord() }
        return words
    }

    /// HEALTHCHECK: the type word (`CMD`, `NONE`), then the command as RUN's.
    static func healthcheck(_ text: String) throws(DockerfileError.Message) -> ([DockerfileNode.Argument], Bool) {
        let kind = text.unicodeScalars.prefix { !$0.properties.isWhitespace }
        guard !kind.isEmpty else { return ([], false) }
        let command = text.unicodeScalars.dropFirst(kind.count).drop { $0.properties.isWhitespace }
        let (arguments, isJSON) = try jsonOrString(String(Substring(command)))
        return ([.word(String(Substring(kind)))] + arguments, isJSON)
    }
}
