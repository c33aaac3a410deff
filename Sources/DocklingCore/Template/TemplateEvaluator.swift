/// Runs parsed nodes against a value, as Go's text/template executes with
/// `missingkey=error` (which docker uses for inspect data): a field the object lacks
/// is an error, not an empty string.
struct TemplateEvaluator {
    private var variables: [(name: String, value: TemplateValue)]
    private(set) var output = ""

    init(root: TemplateValue) {
        variables = [("$", root)]
    }

    mutating func run(_ nodes: [TemplateNode], dot: TemplateValue) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text): output += text
            case .action(let pipeline):
                let value = try evaluate(pipeline, dot: dot)
                if pipeline.variables.isEmpty { output += value.printed }
            case .branch(let keyword, let pipeline, let body, let otherwise):
                let scope = variables.count
                defer { variables.removeLast(variables.count - scope) }
                if keyword == .range {
                    try range(pipeline, body: body, otherwise: otherwise, dot: dot)
                    continue
                }
                let value = try evaluate(pipeline, dot: dot)
                if value.isTrue {
                    try run(body, dot: keyword == .with ? value : dot)
                } else {
                    try run(otherwise, dot: dot)
                }
            }
        }
    }

    /// `{{range $i, $e := .List}}`: the body once per element (per key, in sorted order,
    /// for a map), with the element as dot; the else part when there is none.
    private mutating func range(_ pipeline: TemplateNode.Pipeline, body: [TemplateNode], otherwise: [TemplateNode],
                                dot: TemplateValue) throws(TemplateError) {
        let plain = TemplateNode.Pipeline(variables: [], commands: pipeline.commands)
        let elements: [(key: TemplateValue, value: TemplateValue)]
        switch try evaluate(plain, dot: dot) {
        case .array(let values): elements = values.enumerated().map { (.int(Int64($0.offset)), $0.element) }
        case .object(let members): elements = members.keys.sorted().map { (.string($0), members[$0]!) }
        case .null: elements = []
        case let other:
            throw .execution("range can't iterate over \(other.printed)", at: Self.location(of: pipeline))
        }
        if elements.isEmpty { return try run(otherwise, dot: dot) }
        for element in elements {
            let scope = variables.count
            switch pipeline.variables.count {
            case 1: variables.append((pipeline.variables[0], element.value))
            case 2: variables += [(pipeline.variables[0], element.key), (pipeline.variables[1], element.value)]
            default: break
            }
            try run(body, dot: element.value)
            variables.removeLast(variables.count - scope)
        }
    }

    /// Each command's result is passed to the next as its last argument.
    private mutating func evaluate(_ pipeline: TemplateNode.Pipeline, dot: TemplateValue) throws(TemplateError) -> TemplateValue {
        var value: TemplateValue?
        for command in pipeline.commands {
            value = try evaluate(command, dot: dot, piped: value)
        }
        let result = value ?? .null
        for name in pipeline.variables { variables.append((name, result)) }
        return result
    }

    private mutating func evaluate(_ command: TemplateNode.Command, dot: TemplateValue,
                                   piped: TemplateValue?) throws(TemplateError) -> TemplateValue {
        let first = command.arguments[0]
        guard case .function(let name, let location) = first else {
            guard command.arguments.count == 1, piped == nil else {
                throw .execution("can't give argument to non-function \(Self.text(of: first))", at: Self.location(of: first))
            }
            return try value(first, dot: dot)
        }
        var arguments: [TemplateValue] = []
        for argument in command.arguments.dropFirst() { arguments.append(try value(argument, dot: dot)) }
        if let piped { arguments.append(piped) }
        switch name {
        // Go's and/or give back the argument that decided, not a bool.
        case "and": return arguments.first { !$0.isTrue } ?? arguments.last ?? .null
        case "or": return arguments.first { $0.isTrue } ?? arguments.last ?? .null
        default:
            do throws(TemplateFunctionError) {
                return try TemplateFunctions.table[name]!(arguments)
            } catch {
                throw .execution(error.message, at: location)
            }
        }
    }

    private mutating func value(_ argument: TemplateNode.Argument, dot: TemplateValue) throws(TemplateError) -> TemplateValue {
        switch argument {
        case .field(let names, let location): return try Self.fields(names, of: dot, at: location)
        case .variable(let name, let names, let location):
            guard let bound = variables.last(where: { $0.name == name }) else {
                throw .execution("undefined variable: \(name)", at: location)
            }
            return try Self.fields(names, of: bound.value, at: location)
        case .string(let text): return .string(text)
        case .number(let number): return number
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        case .function(let name, let location):
            return try evaluate(TemplateNode.Command(arguments: [.function(name, location)]), dot: dot, piped: nil)
        case .parenthesized(let pipeline, let names, let location):
            return try Self.fields(names, of: evaluate(pipeline, dot: dot), at: location)
        }
    }

    /// `.A.B` on a map: each name must be one of its keys.
    private static func fields(_ names: [String], of start: TemplateValue,
                               at location: TemplateNode.Location) throws(TemplateError) -> TemplateValue {
        var value = start
        for name in names {
            switch value {
            case .object(let members):
                guard let member = members[name] else {
                    throw .execution("map has no entry for key \"\(name)\"", at: location)
                }
                value = member
            case .null: throw .execution("nil pointer evaluating interface {}.\(name)", at: location)
            default: throw .execution("can't evaluate field \(name) in type \(value.goType)", at: location)
            }
        }
        return value
    }

    private static func location(of argument: TemplateNode.Argument) -> TemplateNode.Location {
        switch argument {
        case .field(_, let location), .variable(_, _, let location), .function(_, let location),
             .parenthesized(_, _, let location): location
        default: TemplateNode.Location(line: 1, column: 0, text: text(of: argument))
        }
    }

    private static func location(of pipeline: TemplateNode.Pipeline) -> TemplateNode.Location {
        location(of: pipeline.commands[0].arguments[0])
    }

    private static func text(of argument: TemplateNode.Argument) -> String {
        switch argument {
        case .string(let text): TemplateValue.quoted(text)
        case .number(let number): number.printed
        case .bool(let flag): String(flag)
        case .null: "nil"
        default: location(of: argument).text
        }
    }
}
