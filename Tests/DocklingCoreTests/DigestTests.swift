import XCTest
@testable import DocklingCore

final class DigestTests: XCTestCase {
    func testKnownSHA256Vector() {
        XCTAssertEqual(Digest.of(Array("abc".utf8)).description,
                       "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testStreamingHashEqualsOneShotHash() {
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let digester = Digester()
        for start in stride(from: 0, to: bytes.count, by: 65_537) {
            bytes[start..<min(start + 65_537, bytes.count)].withUnsafeBytes { digester.update($0) }
        }
        XCTAssertEqual(digester.finalize(), Digest.of(bytes))
        XCTAssertEqual(digester.count, Int64(bytes.count))
    }

    /// The in-memory hash (Swift) and the streaming one (libcrypto) agree at every
    /// length around the 64-byte blocks and the 56-byte padding boundary.
    func testSwiftHashEqualsLibcryptoAtEveryPaddingLength() {
        for length in 0..<200 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ length) }
            let digester = Digester()
            bytes.withUnsafeBytes { digester.update($0) }
            XCTAssertEqual(Digest.of(bytes), digester.finalize(), "length \(length)")
        }
    }

    func testParsingAcceptsOnlySHA256WithSixtyFourLowercaseHexDigits() throws {
        let hex = String(repeating: "ab", count: 32)
        XCTAssertEqual(try Digest(parsing: "sha256:" + hex).hex, hex)
        XCTAssertThrowsError(try Digest(parsing: hex))
        XCTAssertThrowsError(try Digest(parsing: "sha512:" + hex))
        XCTAssertThrowsError(try Digest(parsing: "sha256:" + hex.uppercased()))
        XCTAssertThrowsError(try Digest(parsing: "sha256:" + hex.dropLast()))
        XCTAssertThrowsError(try Digest(parsing: "sha256:" + hex.dropLast() + "g"))
    }

    func testShortIdIsTwelveDigitsLikeDocker() throws {
        XCTAssertEqual(Digest.of([]).short, "e3b0c44298fc")
    }

    func testCodableUsesTheAlgorithmPrefix() throws {
        let digest = Digest.of([1, 2, 3])
        let json = try JSONCoding.encode([digest])
        XCTAssertEqual(String(decoding: json, as: UTF8.self), "[\"\(digest)\"]")
        XCTAssertEqual(try JSONCoding.decode([Digest].self, from: json, what: "test"), [digest])
        XCTAssertThrowsError(try JSONCoding.decode([Digest].self, from: Array("[\"nope\"]".utf8), what: "test"))
    }
}
