@testable import DocklingCore
import XCTest

/// `-v` and `--tmpfs` as docker reads them.
final class ContainerMountTests: XCTestCase {
    /// U+0301 after a slash joins it into one Swift Character; the slash still counts.
    func testPathsWithACombiningMarkAfterASlashAreStillPaths() throws {
        XCTAssertEqual(try ContainerMount.parseVolume("a/\u{301}b:/\u{301}c:ro", cwd: "/w"),
                       ContainerMount(kind: .bind, source: "/w/a/\u{301}b", destination: "/\u{301}c", readOnly: true))
        XCTAssertEqual(try ContainerMount.parseTmpfs("/\u{301}t:size=1m"),
                       ContainerMount(kind: .tmpfs, source: nil, destination: "/\u{301}t", options: "size=1m"))
    }
}
