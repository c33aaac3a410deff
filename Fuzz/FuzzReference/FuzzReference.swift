import DocklingCore

/// One libFuzzer input: any bytes as an image reference. Parsing must never crash, and a
/// reference that parses must parse again, from its own spelling, to itself.
func fuzzReference(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let reference = try? ImageReference(parsing: text) else { return 0 }
    guard let again = try? ImageReference(parsing: reference.description), again == reference else {
        fatalError("\(text.debugDescription) parses to \(reference), which does not parse back to itself")
    }
    return 0
}
