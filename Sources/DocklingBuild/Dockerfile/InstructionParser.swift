/// Gives each raw node its meaning (BuildKit `instructions/parse.go`): the right number of
/// arguments, the flags the instruction takes, JSON where only JSON will do. Errors are
/// BuildKit's messages; the caller adds the line.
enum InstructionParser {
    /// Every instruction keyword, for "unknown instruction: FOO (did you mean …?)".
    static let keywords = ["ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
                           "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"]

    /// The typed instruction of `node`; `FROM` is not one (it starts a stage: `Dockerfile.parse`).
    static func instruction(_ node: DockerfileNode) throws(DockerfileError.Message) -> Instruction {
        let words = node.words
        let keyword = node.keyword.uppercased()
        func noFlags() throws(DockerfileError.Message) { _ = try InstructionFlags(node.flags, accepted: [:]) }
        func exactlyOne() throws(DockerfileError.Message) -> String {
            guard words.count == 1 else { throw .init("\(keyword) requires exactly one argument") }
            try noFlags()
            return words[0]
        }
        func atLeastOne() throws(DockerfileError.Message) {
            guard !words.isEmpty else { throw .init("\(keyword) requires at least one argument") }
        }
        switch keyword {
        case "RUN": return .run(try run(node))
        case "CMD":
            try noFlags()
            return .cmd(command(node))
        case "ENTRYPOINT":
            try noFlags()
            return .entrypoint(command(node))
        case "SHELL":
            try noFlags()
            guard !words.isEmpty else { throw .init("SHELL requires at least one argument") }
            guard node.isJSON else { throw .init("SHELL requires the arguments to be in JSON form") }
            return .shell(words)
        case "ENV":
            try noFlags()
            return .env(try pairs(words, keyword: keyword))
        case "LABEL":
            try noFlags()
            return .label(try pairs(words, keyword: keyword))
        case "ARG":
            // BuildKit does not look at ARG's (or STOPSIGNAL's) flags at all.
            try atLeastOne()
            return .arg(try words.map { word throws(DockerfileError.Message) in
                guard let equals = word.firstIndex(of: "=") else { return ArgDeclaration(name: word, defaultValue: nil) }
                guard equals != word.startIndex else { throw .init("ARG names can not be blank") }
                return ArgDeclaration(name: String(word[..<equals]), defaultValue: String(word[word.index(after: equals)...]))
            })
        case "ADD", "COPY": return .copy(try copy(node, isAdd: keyword == "ADD"))
        case "WORKDIR": return .workdir(try exactlyOne())
        case "USER": return .user(try exactlyOne())
        case "MAINTAINER": return .maintainer(try exactlyOne())
        case "STOPSIGNAL":
            guard words.count == 1 else { throw .init("STOPSIGNAL requires exactly one argument") }
            return .stopSignal(words[0])
        case "EXPOSE":
            try atLeastOne()
            try noFlags()
            return .expose(words.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        case "VOLUME":
            try atLeastOne()
            try noFlags()
            return .volume(try words.map { word throws(DockerfileError.Message) in
                let path = String(word.trimmedSpace)
                guard !path.isEmpty else { throw .init("VOLUME specified can not be an empty string") }
                return path
            })
        case "HEALTHCHECK": return .healthcheck(try healthcheck(node))
        case "ONBUILD": return .onbuild(try onbuild(node))
        default:
            throw .init(Suggestion.message("unknown instruction: \(node.keyword)", for: node.keyword, among: keywords,
                                           caseSensitive: false))
        }
    }

    /// RUN, CMD, ENTRYPOINT: exec form when the arguments were a JSON array, else the text.
    static func command(_ node: DockerfileNode) -> CommandForm {
        node.isJSON ? .exec(node.words) : .shell(node.words.joined(separator: " "))
    }

    /// ENV and LABEL pairs from the name, value, separator triples the line parser made.
    private static func pairs(_ words: [String], keyword: String) throws(DockerfileError.Message) -> [NameValue] {
        guard !words.isEmpty else { throw .init("\(keyword) requires at least one argument") }
        guard words.count % 3 == 0 else { throw .init("Bad input to \(keyword), too many arguments") }
        return try stride(from: 0, to: words.count, by: 3).map { index throws(DockerfileError.Message) in
            guard !words[index].isEmpty else { throw .init("\(keyword) names can not be blank") }
            return NameValue(name: words[index], value: words[index + 1])
        }
    }

    /// `ONBUILD INSTRUCTION …`: the trigger parsed now (BuildKit parses it only when a child
    /// image runs it, so dockling reports a bad trigger earlier), and its text as the config
    /// stores it: the line without `ONBUILD`, heredoc bodies appended.
    private static func onbuild(_ node: DockerfileNode) throws(DockerfileError.Message) -> Step {
        guard case .instruction(var trigger)? = node.arguments.first else { throw .init("ONBUILD requires at least one argument") }
        _ = try InstructionFlags(node.flags, accepted: [:])
        switch trigger.keyword.uppercased() {
        case "ONBUILD": throw .init("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed")
        case "MAINTAINER", "FROM": throw .init("\(trigger.keyword.uppercased()) isn't allowed as an ONBUILD trigger")
        default: break
        }
        trigger.heredocs = node.heredocs
        var original = String(node.original.withoutLeadingSpace.dropFirst("ONBUILD".count).withoutLeadingSpace)
        for heredoc in node.heredocs {
            original += "\n" + heredoc.content + heredoc.name
        }
        return Step(instruction: try instruction(trigger), line: node.startLine, endLine: node.endLine, original: original)
    }
}
