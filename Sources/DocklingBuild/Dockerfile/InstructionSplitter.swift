/// Splits one joined instruction line into keyword, flags and arguments, each instruction by
/// its own rule (BuildKit `parser/split_command.go` and `line_parsers.go`):
///
/// - RUN, CMD, ENTRYPOINT, SHELL: a JSON array of strings, else the whole text as one argument;
/// - ADD, COPY, VOLUME: a JSON array, else the words split at blanks;
/// - ENV, LABEL: `key=value` pairs (quotes kept for later), or the old `key value` form;
/// - ARG: words; FROM, EXPOSE: words split at blanks; HEALTHCHECK: a type and a command;
/// - MAINTAINER, STOPSIGNAL, USER, WORKDIR: the whole text; ONBUILD: an instruction.
///
/// An unknown keyword still gives a node (with one empty argument, as BuildKit's): the
/// typed layer is the one that says "unknown instruction".
struct InstructionSplitter {
    let escape: Unicode.Scalar
    /// How many ONBUILDs this instruction is inside.
    var depth = 0

    func node(from line: String) throws(DockerfileError.Message) -> DockerfileNode {
        let text = line.trimmedSpace
        let keyword = text.unicodeScalars.prefix { !Self.isBlank($0) }
        let afterKeyword = text.unicodeScalars.dropFirst(keyword.count).drop(while: Self.isBlank)
        var flags: [String] = []
        var rest = Substring(afterKeyword)
        if !afterKeyword.isEmpty { (flags, rest) = builderFlags(rest) }
        let (arguments, isJSON) = try self.arguments(of: String(Substring(keyword)).lowercased(), String(rest.trimmedSpace))
        return DockerfileNode(keyword: String(Substring(keyword)), arguments: arguments, flags: flags, isJSON: isJSON,
                              heredocs: [], original: line, startLine: 0, endLine: 0)
    }

    private func arguments(of keyword: String, _ rest: String) throws(DockerfileError.Message) -> ([DockerfileNode.Argument], Bool) {
        switch keyword {
        case "run", "cmd", "entrypoint", "shell":
            return try ArgumentForms.jsonOrString(rest)
        case "add", "copy", "volume":
            if let array = try JSONStringArray.parse(rest) { return (array.map { .word($0) }, true) }
            return (ArgumentForms.blankSeparated(rest).map { .word($0) }, false)
        case "env":
            return (try ArgumentForms.nameValues(rest, keyword: "ENV", escape: escape).map { .word($0) }, false)
        case "label":
            return (try ArgumentForms.nameValues(rest, keyword: "LABEL", escape: escape).map { .word($0) }, false)
        case "arg":
            return (ArgumentForms.words(rest, escape: escape).map { .word($0) }, false)
        case "from", "expose":
            return (ArgumentForms.blankSeparated(rest).map { .word($0) }, false)
        case "healthcheck":
            return try ArgumentForms.healthcheck(rest)
        case "maintainer", "stopsignal", "user", "workdir":
            return (rest.isEmpty ? [] : [.word(rest)], false)
        case "onbuild":
            // BuildKit's line parser takes `ONBUILD ONBUILD …` (the typed layer refuses it); a
            // long chain of them would only overflow the stack.
            guard depth < 100 else { throw .init("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed") }
            return (rest.isEmpty ? [] : [.instruction(try InstructionSplitter(escape: escape, depth: depth + 1).node(from: rest))], false)
        default:
            return ([.word("")], false)
        }
    }

    /// The `--name[=value]` words at the start of the arguments (quotes and escapes
    /// processed), and the text after them; `--` alone ends the flags.
    private func builderFlags(_ text: Substring) -> ([String], Substring) {
        let scalars = Array(text.unicodeScalars)
        var flags: [String] = []
        var position = 0
        while true {
            while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
            guard position + 1 < scalars.count, scalars[position] == "-", scalars[position + 1] == "-" else {
                return (flags, Substring(String(scalars: scalars[position...])))
            }
            var word = String.UnicodeScalarView()
            var quote: Unicode.Scalar?
            var quoted = false
            while position < scalars.count {
                var scalar = scalars[position]
                if quote == nil && scalar.properties.isWhitespace { break }
                position += 1
                if scalar == quote {
                    quote = nil
                    continue
                }
                if quote == nil && (scalar == "'" || scalar == "\"") {
                    quote = scalar
                    quoted = true
                    continue
                }
                if scalar == escape {
                    // An escape character at the very end is dropped; one inside a quote ends it.
                    guard position < scalars.count else {
                        quote = nil
                        continue
                    }
                    scalar = scalars[position]
                    position += 1
                }
                word.append(scalar)
            }
            let flag = String(word)
            if flag == "--" {
                return (flags, Substring(String(scalars: scalars[position...])))
            }
            if quoted || !flag.isEmpty { flags.append(flag) }
        }
    }

    /// Go's `[\t\v\f\r ]`, the blanks BuildKit splits keywords and words at.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{0B}" || scalar == "\u{0C}" || scalar == "\r"
    }
}
