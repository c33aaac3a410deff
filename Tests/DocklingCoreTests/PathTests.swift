@testable import DocklingCore
import XCTest

final class PathTests: XCTestCase {
    func testParentBaseAndLookup() {
        XCTAssertEqual(Path.parent(of: "/a/b/c"), "/a/b")
        XCTAssertEqual(Path.parent(of: "/a"), "/")
        XCTAssertEqual(Path.base(of: "/a/b/c"), "c")
        XCTAssertEqual(Path.absolute("x", cwd: "/tmp"), "/tmp/x")
        XCTAssertEqual(Path.lookup("sh", path: "/nope:/bin", isExecutable: { $0 == "/bin/sh" }), "/bin/sh")
        XCTAssertNil(Path.lookup("sh", path: "/nope", isExecutable: { _ in false }))
        XCTAssertEqual(Path.lookup("./x", path: nil, isExecutable: { _ in false }), "./x")
    }

    func testStoreRootResolution() {
        XCTAssertEqual(StoreRoot.resolve(option: "/srv/d/").path, "/srv/d")
        XCTAssertEqual(StoreRoot(path: "/r").blobs, "/r/blobs/sha256")
    }

    /// U+0301 after a slash joins it into one Swift Character, and U+0600 before one does
    /// the same from the other side; the kernel still splits at every byte '/'.
    func testEverySlashCountsEvenInsideACharacter() {
        XCTAssertEqual(Path.parent(of: "a/\u{301}b"), "a")
        XCTAssertEqual(Path.parent(of: "/\u{301}b"), "/")
        XCTAssertEqual(Path.parent(of: "a\u{600}/b"), "a\u{600}")
        XCTAssertEqual(Path.base(of: "a/\u{301}b"), "\u{301}b")
        XCTAssertEqual(Path.absolute("/\u{301}x", cwd: "/tmp"), "/\u{301}x")
        XCTAssertEqual(Path.lookup("./\u{301}x", path: "/bin", isExecutable: { _ in true }), "./\u{301}x")
    }
}
