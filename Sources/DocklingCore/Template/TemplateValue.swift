/// A value a template works on: JSON as Go's encoding/json decodes it into
/// `interface{}` — the form `docker inspect -f` evaluates its template against.
public enum TemplateValue: Equatable, Sendable, Decodable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([TemplateValue])
    case object([String: TemplateValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([TemplateValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: TemplateValue].self))
        }
    }

    /// The value as an encodable thing (dockling's inspect structs) turns into JSON.
    public init<T: Encodable>(encoding value: T) throws {
        self = try JSONCoding.decode(TemplateValue.self, from: JSONCoding.encode(value), what: "the inspect data")
    }

    /// Go's notion of true in `if`, `with`, `and`, `or`, `not`: not the zero value
    /// and not empty.
    var isTrue: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .int(let value): value != 0
        case .double(let value): value != 0
        case .string(let value): !value.isEmpty
        case .array(let value): !value.isEmpty
        case .object(let value): !value.isEmpty
        }
    }

    /// The name Go would give the type, for messages.
    var goType: String {
        switch self {
        case .null: "interface {}"
        case .bool: "bool"
        case .int, .double: "float64"
        case .string: "string"
        case .array: "[]interface {}"
        case .object: "map[string]interface {}"
        }
    }
}
