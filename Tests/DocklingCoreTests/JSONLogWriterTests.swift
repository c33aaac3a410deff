@testable import DocklingCore
import XCTest

/// docker's json-file log lines, escaped as Go's encoder escapes them.
final class JSONLogWriterTests: XCTestCase {
    func testALineIsEscapedAsJSONAndBytesThatAreNotUTF8BecomeTheReplacementCharacter() {
        var out: [UInt8] = []
        let line: [UInt8] = Array("a\"b\\c\t\u{1}\u{1b}é".utf8) + [0xFF, 0x0A]
        JSONLogWriter.encode(line[...], stream: "stdout", time: "T", into: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self),
                       #"{"log":"a\"b\\c\t\u0001\u001bé\#u{FFFD}\n","stream":"stdout","time":"T"}"# + "\n")
    }
}
