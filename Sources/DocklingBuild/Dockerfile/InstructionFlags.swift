/// The `--name=value` flags of one instruction, checked against the flags that instruction
/// takes (BuildKit `instructions/bflag.go`): unknown, repeated or value-less flags are errors.
struct InstructionFlags {
    enum Kind {
        /// `--link`, `--link=true|false`.
        case bool
        /// `--from=x`, once.
        case string
        /// `--mount=…`, any number of times.
        case strings
    }

    private var values: [String: [String]] = [:]

    /// Reads `words` (as the line parser collected them) for an instruction taking `accepted`.
    init(_ words: [String], accepted: [String: Kind]) throws(DockerfileError.Message) {
        for word in words {
            let (spelled, value) = word.firstIndex(of: "=").map { (String(word[..<$0]), Optional(String(word[word.index(after: $0)...]))) }
                ?? (word, nil)
            let name = String(spelled.dropFirst(2))
            guard let kind = accepted[name] else {
                throw .init(Suggestion.message("unknown flag: \(spelled)", for: name, among: accepted.keys.sorted(), caseSensitive: true))
            }
            if values[name] != nil && kind != .strings { throw .init("duplicate flag specified: \(spelled)") }
            switch kind {
            case .bool:
                if value == "" { throw .init("missing a value on flag: \(spelled)") }
                switch value?.lowercased() {
                case nil, "true": values[name] = ["true"]
                case "false": values[name] = ["false"]
                default: throw .init("expecting boolean value for flag \(spelled), not: \(value!)")
                }
            case .string, .strings:
                guard let value else { throw .init("missing a value on flag: \(spelled)") }
                values[name, default: []].append(value)
            }
        }
    }

    /// The value of a `.string` flag; nil when not given.
    func string(_ name: String) -> String? { values[name]?.last }

    /// Whether a `.bool` flag is on.
    func bool(_ name: String) -> Bool { values[name] == ["true"] }

    /// Every value of a `.strings` flag, in order.
    func strings(_ name: String) -> [String] { values[name] ?? [] }
}
