import Foundation
import XCTest
@testable import DocklingCore

/// Finding the files of an image archive by the names its entries and links give them.
final class ArchiveContentsTests: XCTestCase {
    private var scratch: ScratchDirectory!

    // XCTest keeps test cases alive to the end of the run: let go of the folder now.
    override func tearDown() { scratch = nil }

    override func setUpWithError() throws { scratch = try ScratchDirectory() }

    private func contents(_ entries: [PythonTar.Entry]) throws -> ArchiveContents {
        let tar = scratch.path + "/archive.tar"
        try PythonTar.write(entries, to: tar)
        let store = scratch.store()
        try store.prepareLayout()
        return try ArchiveContents(reading: BlobReader(path: tar), label: tar, store: store)
    }

    private func text(_ contents: ArchiveContents, _ name: String) throws -> String {
        String(decoding: try contents.bytes(of: contents.require(name)), as: UTF8.self)
    }

    /// U+0301 after a slash joins it into one Swift Character; the archive's paths still
    /// split there, as the kernel splits them.
    func testLinksResolveAcrossASlashACombiningMarkFollows() throws {
        let contents = try contents([.file("\u{301}x", "top"), .directory("d/"), .symlink("d/up", to: "../\u{301}x"),
                                     .symlink("d/absolute", to: "/\u{301}x"), .symlink("\u{301}l", to: "\u{301}x")])
        for name in ["d/up", "d/absolute", "\u{301}l", "./\u{301}x"] {
            XCTAssertEqual(try text(contents, name), "top", name)
        }
        XCTAssertNil(ArchiveContents.resolve("../../\u{301}x", from: "/d"), "a link out of the archive leads nowhere")
    }

    /// Swift's `==` takes "é" as one scalar and as e + U+0301 for the same string; they
    /// are two names in a tar, as on disk.
    func testNamesAreTheirBytesNotTheirUnicodeEquivalents() throws {
        let contents = try contents([.file("\u{e9}", "one scalar"), .file("e\u{301}", "two scalars")])
        XCTAssertEqual(try text(contents, "\u{e9}"), "one scalar")
        XCTAssertEqual(try text(contents, "e\u{301}"), "two scalars")
    }
}
