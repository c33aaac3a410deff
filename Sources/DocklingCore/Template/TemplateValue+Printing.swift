/// How a value prints: `{{.X}}` as Go's fmt prints it (`%v`), `{{json .X}}` as Go's
/// encoding/json writes it (keys sorted, `<`, `>` and `&` escaped).
extension TemplateValue {
    /// fmt's `%v`: maps as `map[k:v]` with sorted keys, slices as `[a b]`, and null as
    /// `<nil>`, as docker prints its nil pointers (`{{.HostConfig.PidsLimit}}`).
    var printed: String {
        switch self {
        case .null: "<nil>"
        case .bool(let value): String(value)
        case .int(let value): String(value)
        case .double(let value): Self.goFloat(value)
        case .string(let value): value
        case .array(let values): "[" + values.map(\.printed).joined(separator: " ") + "]"
        case .object(let members):
            "map[" + members.keys.sorted().map { "\($0):\(members[$0]!.printed)" }.joined(separator: " ") + "]"
        }
    }

    /// Compact JSON, as `json.Marshal` writes it.
    var json: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .int(let value): String(value)
        case .double(let value): Self.goFloat(value)
        case .string(let value): Self.quoted(value)
        case .array(let values): "[" + values.map(\.json).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.keys.sorted().map { Self.quoted($0) + ":" + members[$0]!.json }.joined(separator: ",") + "}"
        }
    }

    /// A whole number without a fraction, as Go prints float64 values that are whole.
    private static func goFloat(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e21 { return String(Int64(value)) }
        return String(value)
    }

    /// A JSON string with Go's escapes: HTML-sensitive characters become `\u003c`…
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 { out += unicodeEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
