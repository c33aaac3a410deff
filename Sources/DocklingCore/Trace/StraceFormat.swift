// Spelling arguments the way strace spells them, so the two can be compared.

public enum StraceFormat {
    /// A C string argument: `"/proc"`, with C escapes for what is not printable.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += "\\\""
            case UInt8(ascii: "\\"): out += "\\\\"
            case UInt8(ascii: "\n"): out += "\\n"
            case UInt8(ascii: "\t"): out += "\\t"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "\\" + String(byte, radix: 8)
            }
        }
        return out + "\""
    }

    /// A possibly-NULL string argument.
    public static func quote(optional text: String?) -> String {
        text.map { quote($0) } ?? "NULL"
    }

    /// An argv or string-array argument: `["sh", "-c", "echo hi"]`.
    public static func array(_ items: [String]) -> String {
        "[" + items.map { quote($0) }.joined(separator: ", ") + "]"
    }

    /// Flags as strace prints them: names in bit order joined by `|`, any unknown
    /// remainder in hex, `0` for none.
    public static func flags(_ value: UInt64, _ names: [(UInt64, String)]) -> String {
        var parts: [String] = []
        var rest = value
        for (bit, name) in names where bit != 0 && value & bit == bit {
            parts.append(name)
            rest &= ~bit
        }
        if rest != 0 { parts.append("0x" + String(rest, radix: 16)) }
        return parts.isEmpty ? "0" : parts.joined(separator: "|")
    }

    /// An octal mode such as `0755`.
    public static func mode(_ mode: UInt32) -> String {
        "0" + String(mode, radix: 8)
    }
}
