/// The comma-separated `key=value` fields of a `RUN --mount=…` value, as a CSV record: a
/// field may be double-quoted to hold a comma (`target="/a,b"`).
struct MountFields {
    var key: String
    var value: String
    /// Whether the field had an `=` (`ro` and `rw` may stand alone).
    var hasValue: Bool

    static func split(_ text: String) -> [MountFields] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\"" where quoted && index < scalars.count && scalars[index] == "\"":
                // `""` inside quotes is one quote character.
                current.unicodeScalars.append("\"")
                index += 1
            case "\"": quoted.toggle()
            case "," where !quoted:
                fields.append(current)
                current = ""
            default: current.unicodeScalars.append(scalar)
            }
        }
        fields.append(current)
        return fields.map { field in
            guard let equals = field.firstIndex(of: "=") else { return MountFields(key: field, value: "", hasValue: false) }
            return MountFields(key: String(field[..<equals]), value: String(field[field.index(after: equals)...]), hasValue: true)
        }
    }

    /// The field as written back into a `--mount` value (quoted when it needs to be).
    var text: String {
        guard hasValue else { return key }
        let needsQuotes = value.contains(",") || value.contains("\"")
        return key + "=" + (needsQuotes ? "\"" + value.replacingQuotes() + "\"" : value)
    }
}

private extension String {
    /// CSV doubles a quote inside a quoted field.
    func replacingQuotes() -> String {
        var result = ""
        for scalar in unicodeScalars {
            if scalar == "\"" { result += "\"\"" } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
