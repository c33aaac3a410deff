@testable import DocklingCore
import Foundation
import XCTest

/// docker's json-file log lines, escaped as Go's encoder escapes them.
final class JSONLogWriterTests: XCTestCase {
    func testALineIsEscapedAsJSONAndBytesThatAreNotUTF8BecomeTheReplacementCharacter() {
        var out: [UInt8] = []
        let line: [UInt8] = Array("a\"b\\c\t\u{1}\u{1b}é".utf8) + [0xFF, 0x0A]
        JSONLogWriter.encode(line[...], suffix: JSONLogWriter.suffix(stream: "stdout", time: "T"), into: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self),
                       #"{"log":"a\"b\\c\t\u0001\u001bé\#u{FFFD}\n","stream":"stdout","time":"T"}"# + "\n")
    }

    /// A line longer than 16 KiB becomes entries of 16 KiB, the last with the newline; short
    /// lines split across writes are one entry; nothing is lost or doubled.
    func testLongLinesAreSplitAsDockersLogCopierSplitsThem() throws {
        let folder = NSTemporaryDirectory() + "jsonlog-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = try JSONLogWriter(path: folder + "/container.log")
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 40_000) + [UInt8(ascii: "\n")]
        for chunk in stride(from: 0, to: long.count, by: 3_000) {
            writer.append(long[chunk..<min(chunk + 3_000, long.count)], stream: "stdout")
        }
        writer.append(Array("sh".utf8)[...], stream: "stderr")
        writer.append(Array("ort\nend".utf8)[...], stream: "stderr")
        writer.flush(stream: "stderr")
        let entries = try String(contentsOfFile: folder + "/container.log", encoding: .utf8)
            .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: String] }
        let stdout = entries.filter { $0["stream"] == "stdout" }.map { $0["log"]! }
        XCTAssertEqual(stdout.map(\.count), [16_384, 16_384, 7_233])
        XCTAssertEqual(stdout.joined(), String(decoding: long, as: UTF8.self))
        XCTAssertEqual(entries.filter { $0["stream"] == "stderr" }.map { $0["log"]! }, ["short\n", "end"])
    }
}
