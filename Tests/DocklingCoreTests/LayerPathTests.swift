import XCTest
@testable import DocklingCore

final class LayerPathTests: XCTestCase {
    func testNormalizesHarmlessSpellings() throws {
        XCTAssertEqual(try LayerPath.normalize("./a//b/./c/", entry: "x"), "a/b/c")
        XCTAssertEqual(try LayerPath.normalize("./", entry: "x"), "")
        XCTAssertEqual(try LayerPath.normalize("etc/..data", entry: "x"), "etc/..data")
    }

    func testRefusesEscapesAndNamesTheEntry() {
        for name in ["/etc/passwd", "../x", "a/../../x", "a/..", "..", "./../x"] {
            XCTAssertThrowsError(try LayerPath.normalize(name, entry: "entry-\(name)"), name) { error in
                XCTAssertTrue("\(error)".contains("entry-\(name)"), "\(error)")
            }
        }
    }

    /// U+0301 after a slash joins it into one Character; the kernel still splits there.
    func testACombiningMarkAfterASlashHidesNeitherTheSlashNorDotDot() throws {
        for name in ["../\u{301}x", "/\u{301}x", "a/../\u{301}x"] {
            XCTAssertThrowsError(try LayerPath.normalize(name, entry: name), name)
        }
        XCTAssertEqual(try LayerPath.normalize("a/\u{301}x/./b", entry: "e"), "a/\u{301}x/b")
        XCTAssertEqual(LayerPath.ancestors(of: "a/\u{301}x/b"), ["a", "a/\u{301}x"])
        XCTAssertEqual(try Whiteout.classify("a/\u{301}x/.wh.b", entry: "e"), .remove("a/\u{301}x/b"))
        XCTAssertEqual(try Whiteout.classify("a/.wh.\u{301}x", entry: "e"), .remove("a/\u{301}x"))
    }

    func testAncestorsAreTheDirectoriesPassedThrough() {
        XCTAssertEqual(LayerPath.ancestors(of: "a/b/c"), ["a", "a/b"])
        XCTAssertEqual(LayerPath.ancestors(of: "a"), [])
    }

    func testWhiteoutNames() throws {
        XCTAssertEqual(try Whiteout.classify("etc/.wh.motd", entry: "e"), .remove("etc/motd"))
        XCTAssertEqual(try Whiteout.classify(".wh.tmp", entry: "e"), .remove("tmp"))
        XCTAssertEqual(try Whiteout.classify("var/.wh..wh..opq", entry: "e"), .opaque("var"))
        XCTAssertEqual(try Whiteout.classify(".wh..wh..opq", entry: "e"), .opaque(""))
        XCTAssertEqual(try Whiteout.classify(".wh..wh.plnk", entry: "e"), .metadata)
        XCTAssertNil(try Whiteout.classify("etc/motd.wh.x", entry: "e"))
        for outside in ["etc/.wh...", ".wh..", ".wh."] {
            XCTAssertThrowsError(try Whiteout.classify(outside, entry: outside), outside)
        }
    }
}
