/// Makes trace text readable the way docker makes ids readable: a 64-hex id (a
/// container id, a layer's digest) shortened to its first 12 characters, and a path
/// beneath the store's root written `<store>/…`. Only spelling changes: no event is
/// added or dropped.
struct TraceShortening {
    /// The store's root, without a trailing slash; nil leaves paths as they are.
    let storeRoot: String?

    static let shortIDLength = 12

    func apply(_ text: String) -> String {
        var out = text
        if let storeRoot, storeRoot.count > 1, out.contains(storeRoot) {
            out = out.replacing(storeRoot + "/", with: "<store>/")
                .replacing("\"" + storeRoot + "\"", with: "\"<store>\"")
        }
        return Self.shortenIDs(out)
    }

    /// Every run of exactly 64 lowercase hex digits, cut to its first 12.
    static func shortenIDs(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 64 else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            var end = index
            while end < bytes.count && isHex(bytes[end]) { end += 1 }
            if end == index {
                out.append(bytes[index])
                index += 1
                continue
            }
            out.append(contentsOf: end - index == 64 ? bytes[index..<index + shortIDLength] : bytes[index..<end])
            index = end
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
