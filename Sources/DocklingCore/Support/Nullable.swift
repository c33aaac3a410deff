/// A value that shows as JSON `null` when absent, as Go shows a nil pointer
/// (docker's `"PidsLimit": null`), where Swift would leave the key out.
struct Nullable<Value: Encodable>: Encodable {
    let value: Value?

    init(_ value: Value?) { self.value = value }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
