@testable import DocklingCore
import FoundationEssentials
import XCTest

/// The record `diff` and `umount` read back, and the stack `mount` prints.
final class UnionRecordTests: XCTestCase {
    private let record = UnionRecord(
        image: "busybox", target: "/srv/rootfs",
        union: UnionLayout(layers: ["/s/layers/base", "/s/layers/top"], upper: "/s/unions/ab/upper",
                           work: "/s/unions/ab/work"),
        createdUpper: true)

    func testTheRecordReadsBackAsItWasWritten() throws {
        let bytes = try JSONCoding.encode(record)
        XCTAssertEqual(try JSONDecoder().decode(UnionRecord.self, from: Data(bytes)), record)
    }

    func testTheReportShowsTheStackTopFirstWithThePathLast() {
        let lines = record.report(mountedAs: "rootfs").split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "mounted busybox at rootfs: 2 read-only layers under one writable directory, top first")
        XCTAssertEqual(lines.dropFirst().map { $0.split(separator: " ").first.map(String.init) },
                       ["upper", "layer", "layer", "work"])
        XCTAssertEqual(lines.dropFirst().map { $0.split(separator: " ").last.map(String.init) },
                       ["/s/unions/ab/upper", "/s/layers/top", "/s/layers/base", "/s/unions/ab/work"])
        XCTAssertTrue(lines[2].hasPrefix("  layer 2  "), lines[2])
        XCTAssertTrue(lines[3].hasPrefix("  layer 1  "), lines[3])
    }

    func testAnUpperTheLearnerGaveIsMarkedAsTheirs() {
        var given = record
        given.createdUpper = false
        XCTAssertTrue(given.report(mountedAs: "rootfs").contains("read-write, yours  /s/unions/ab/upper"))
    }
}
