/// Container ids as docker makes them: 32 random bytes in hex (64 characters), shown
/// by their first 12.
public enum ContainerID {
    public static func generate() -> String {
        // SystemRandomNumberGenerator reads the kernel's getrandom(2).
        (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }

    public static func short(_ id: String) -> String { String(id.prefix(12)) }

    /// True for a full 64-hex id.
    public static func isValid(_ id: String) -> Bool {
        id.utf8.count == 64 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}

/// docker's `adjective_surname` names, from a smaller list.
public enum ContainerName {
    static let adjectives = ["admiring", "bold", "brave", "busy", "calm", "clever", "curious", "eager",
                             "elegant", "focused", "gentle", "happy", "keen", "kind", "lucid", "nifty",
                             "patient", "quirky", "serene", "sharp", "tender", "vibrant", "wise", "zealous"]
    static let surnames = ["agnesi", "babbage", "bardeen", "curie", "dijkstra", "einstein", "hamilton",
                           "hopper", "johnson", "knuth", "lamarr", "lovelace", "meitner", "noether",
                           "pike", "ritchie", "shannon", "thompson", "torvalds", "turing", "wozniak"]

    public static func random() -> String {
        "\(adjectives.randomElement()!)_\(surnames.randomElement()!)"
    }

    /// A random name no container in `taken` has; like docker, a number is added once
    /// random tries keep colliding.
    public static func unused(avoiding taken: Set<String>) -> String {
        for attempt in 0..<1000 {
            let name = attempt < 20 ? random() : random() + String(attempt)
            if !taken.contains(name) { return name }
        }
        return "container_" + ContainerID.generate().prefix(12)
    }

    /// docker's rule: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`.
    public static func isValid(_ name: String) -> Bool {
        func alphanumeric(_ byte: UInt8) -> Bool {
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
        }
        let bytes = Array(name.utf8)
        guard bytes.count >= 2, alphanumeric(bytes[0]) else { return false }
        return bytes.allSatisfy { alphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }
}
