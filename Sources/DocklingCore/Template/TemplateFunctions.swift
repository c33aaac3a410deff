/// The functions a template may call: Go's builtins that inspect templates use, and
/// the ones docker adds (`json`, `join`, `split`, `lower`, `upper`, `title`).
enum TemplateFunctions {
    typealias Function = @Sendable ([TemplateValue]) throws(TemplateFunctionError) -> TemplateValue

    static let names: Set<String> = Set(table.keys).union(["and", "or"])

    static let table: [String: Function] = [
        "json": { args throws(TemplateFunctionError) in .string(try one(args, "json").json) },
        "lower": { args throws(TemplateFunctionError) in .string(try one(args, "lower").printed.lowercased()) },
        "upper": { args throws(TemplateFunctionError) in .string(try one(args, "upper").printed.uppercased()) },
        "title": { args throws(TemplateFunctionError) in
            .string(try one(args, "title").printed.split(separator: " ", omittingEmptySubsequences: false)
                .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " "))
        },
        "join": { args throws(TemplateFunctionError) in
            try count(args, 2, "join")
            guard case .array(let values) = args[0] else { throw TemplateFunctionError("join", "wrong type for value; expected []string; got \(args[0].goType)") }
            return .string(values.map(\.printed).joined(separator: args[1].printed))
        },
        "split": { args throws(TemplateFunctionError) in
            try count(args, 2, "split")
            let separator = args[1].printed
            let parts = separator.isEmpty ? args[0].printed.map(String.init)
                : args[0].printed.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            return .array(parts.map(TemplateValue.string))
        },
        "len": { args throws(TemplateFunctionError) in
            switch try one(args, "len") {
            case .string(let text): return .int(Int64(text.utf8.count))
            case .array(let values): return .int(Int64(values.count))
            case .object(let members): return .int(Int64(members.count))
            case let other: throw TemplateFunctionError("len", "len of type \(other.goType)")
            }
        },
        "index": { args throws(TemplateFunctionError) in try index(args) },
        "not": { args throws(TemplateFunctionError) in .bool(!(try one(args, "not").isTrue)) },
        "eq": { args throws(TemplateFunctionError) in
            guard args.count >= 2 else { throw TemplateFunctionError("eq", "missing argument for comparison") }
            return .bool(args.dropFirst().contains { same(args[0], $0) })
        },
        "ne": { args throws(TemplateFunctionError) in
            try count(args, 2, "ne")
            return .bool(!same(args[0], args[1]))
        },
        "print": { args in .string(sprint(args)) },
        "println": { args in .string(args.map(\.printed).joined(separator: " ") + "\n") },
    ]

    /// `index m "k"`, `index a 0`, `index m "k" "j"`. A key a map lacks gives an empty
    /// string, as docker's typed structs (label maps) give one.
    static func index(_ args: [TemplateValue]) throws(TemplateFunctionError) -> TemplateValue {
        guard var value = args.first else { throw TemplateFunctionError("index", "wrong number of args for index: want at least 1 got 0") }
        for key in args.dropFirst() {
            switch (value, key) {
            case (.object(let members), .string(let name)): value = members[name] ?? .string("")
            case (.array(let values), .int(let position)):
                guard position >= 0, position < values.count else {
                    throw TemplateFunctionError("index", "index out of range: \(position)")
                }
                value = values[Int(position)]
            case (.null, _): throw TemplateFunctionError("index", "index of untyped nil")
            case (.array, _): throw TemplateFunctionError("index", "cannot index slice/array with type \(key.goType)")
            case (.object, _): throw TemplateFunctionError("index", "value has type \(key.goType); should be string")
            default: throw TemplateFunctionError("index", "can't index item of type \(value.goType)")
            }
        }
        return value
    }

    /// fmt.Sprint: a space between two operands when neither is a string.
    static func sprint(_ args: [TemplateValue]) -> String {
        var out = ""
        for (position, arg) in args.enumerated() {
            if position > 0, !isString(args[position - 1]), !isString(arg) { out += " " }
            out += arg.printed
        }
        return out
    }

    private static func isString(_ value: TemplateValue) -> Bool {
        if case .string = value { return true }
        return false
    }

    /// Go's eq compares numbers by value, whatever their JSON spelling.
    private static func same(_ left: TemplateValue, _ right: TemplateValue) -> Bool {
        switch (left, right) {
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): Double(a) == b
        default: left == right
        }
    }

    private static func one(_ args: [TemplateValue], _ name: String) throws(TemplateFunctionError) -> TemplateValue {
        try count(args, 1, name)
        return args[0]
    }

    private static func count(_ args: [TemplateValue], _ wanted: Int, _ name: String) throws(TemplateFunctionError) {
        guard args.count == wanted else {
            throw TemplateFunctionError(name, "wrong number of args for \(name): want \(wanted) got \(args.count)", calling: false)
        }
    }
}
