/// One instruction as the line parser reads it, before it is given a meaning: BuildKit's
/// `parser.Node`. Its arguments are split by the instruction's own rule (JSON array, words,
/// `key value` pairs, one string…) but nothing is checked or expanded yet.
public struct DockerfileNode: Sendable, Equatable {
    /// One argument: a word, or (for `ONBUILD`) the instruction it carries.
    public indirect enum Argument: Sendable, Equatable {
        case word(String)
        case instruction(DockerfileNode)
    }

    /// The instruction keyword as written (`run`, `RUN`, `Run`…).
    public var keyword: String
    public var arguments: [Argument]
    /// The `--name[=value]` words before the arguments, as written.
    public var flags: [String]
    /// The arguments were a JSON array (exec form).
    public var isJSON: Bool
    /// The here-documents read after the line (RUN, COPY, ADD).
    public var heredocs: [Heredoc]
    /// The instruction's text, continuation lines joined, heredoc bodies not included.
    public var original: String
    /// The first and last line (1-based), heredoc bodies included.
    public var startLine: Int
    public var endLine: Int

    /// The argument words, an `ONBUILD` trigger flattened to its keyword and words
    /// (BuildKit's `nodeArgs`).
    public var words: [String] {
        arguments.flatMap { argument -> [String] in
            switch argument {
            case .word(let word): [word]
            case .instruction(let node): [node.keyword] + node.words
            }
        }
    }

    /// BuildKit's `Node.Dump()` of this instruction, byte for byte: the keyword lower-cased,
    /// the flags as Go's `%q` of a string list, then each argument quoted, a carried
    /// instruction in parentheses: `(copy ["--from=0"] "a" "/b")`, `(onbuild (run "x"))`.
    public func dump() -> String {
        var text = keyword.lowercased()
        if !flags.isEmpty { text += " " + GoQuote.list(flags) }
        for argument in arguments {
            switch argument {
            case .word(let word): text += " " + GoQuote.string(word)
            case .instruction(let node): text += " (" + node.dump() + ")"
            }
        }
        return text
    }
}

extension DockerfileNode {
    /// RUN, COPY and ADD in their non-JSON form may name heredocs, also as an ONBUILD trigger.
    var canContainHeredoc: Bool {
        if keyword.lowercased() == "onbuild", case .instruction(let trigger)? = arguments.first {
            return trigger.canContainHeredoc
        }
        return ["run", "copy", "add"].contains(keyword.lowercased()) && !isJSON
    }
}
