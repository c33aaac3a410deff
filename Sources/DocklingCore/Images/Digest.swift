/// A content address: `sha256:` and 64 lowercase hex digits (OCI image-spec
/// descriptor.md, "Digests"). Two blobs with the same digest are the same bytes, which
/// is why a layer shared by many images is stored once.
public struct Digest: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The 64 hex digits, without the algorithm.
    public let hex: String

    /// Accepts `sha256:<64 hex>`; anything else is not a digest dockling can verify.
    public init(parsing text: String) throws(ImageError) {
        guard text.hasPrefix("sha256:") else {
            throw ImageError("'\(text)' is not a sha256 digest", hint: "digests look like sha256:<64 hex digits>")
        }
        try self.init(hex: String(text.dropFirst(7)))
    }

    /// Accepts the 64 hex digits alone.
    public init(hex: String) throws(ImageError) {
        guard Digest.isHex(hex, count: 64) else {
            throw ImageError("'\(hex)' is not 64 lowercase hex digits")
        }
        self.hex = hex
    }

    /// The 32 bytes of a SHA-256 hash.
    init(sha256 hash: [UInt8]) {
        hex = hash.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    /// The digest of some bytes held in memory (configs, manifests): hashed in Swift,
    /// without loading libcrypto (see `SHA256`).
    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> Digest where Bytes.Element == UInt8 {
        Digest(sha256: SHA256.hash(Array(bytes)))
    }

    public var description: String { "sha256:" + hex }

    /// The first 12 hex digits, as `docker images` shows an image id.
    public var short: String { String(hex.prefix(12)) }

    public static func < (lhs: Digest, rhs: Digest) -> Bool { lhs.hex < rhs.hex }

    static func isHex(_ text: String, count: Int? = nil) -> Bool {
        if let count, text.utf8.count != count { return false }
        return !text.isEmpty && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
