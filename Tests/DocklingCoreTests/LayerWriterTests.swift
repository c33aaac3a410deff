import Foundation
import XCTest
@testable import DocklingCore

/// The same tree always gives the same layer tar, and so the same digest.
final class LayerWriterTests: XCTestCase {
    private func makeTree(in scratch: ScratchDirectory) throws -> String {
        try scratch.write("tree/b.txt", "bee")
        try scratch.write("tree/a/z.txt", "zed")
        try scratch.write("tree/a-b", "a sibling whose name starts like a")
        let tree = scratch.path + "/tree"
        try FileManager.default.createSymbolicLink(atPath: tree + "/link", withDestinationPath: "b.txt")
        XCTAssertEqual(link(tree + "/b.txt", tree + "/a/hard"), 0)
        try Xattr.set(tree + "/b.txt", "user.note", "hello")
        try host("touch", ["-h", "-d", "2024-01-01 00:00:00"] + ["", "/b.txt", "/a", "/a/z.txt", "/a-b", "/link", "/a/hard"].map { tree + $0 })
        return tree
    }

    private func layer(of directory: String, in scratch: ScratchDirectory) throws -> (Digest, [String]) {
        let staged = try StagingFile(in: scratch.path, prefix: "layer-")
        _ = try LayerWriter.write(directory: directory, to: staged)
        staged.seal()
        let listing = try host("tar", ["-tvf", staged.path]).split(separator: "\n").map(String.init)
        return (staged.digest, listing)
    }

    func testSameTreeSameDigestEvenCopiedOrRead() throws {
        let scratch = try ScratchDirectory()
        let tree = try makeTree(in: scratch)
        let (first, listing) = try layer(of: tree, in: scratch)
        _ = try host("cat", [tree + "/b.txt", tree + "/a/z.txt"])  // reading changes atimes only
        XCTAssertEqual(try layer(of: tree, in: scratch).0, first)
        try host("cp", ["-a", tree, scratch.path + "/copy"])  // new inodes, same contents and times
        XCTAssertEqual(try layer(of: scratch.path + "/copy", in: scratch).0, first)

        XCTAssertEqual(listing.map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(5).joined(separator: " ") },
                       ["a/", "a/hard", "a/z.txt", "a-b", "b.txt link to a/hard", "link -> b.txt"])
        XCTAssertTrue(listing.allSatisfy { $0.contains(" 0/0 ") || getuid() != 0 }, "\(listing)")
    }

    func testChangingAFileChangesTheDigest() throws {
        let scratch = try ScratchDirectory()
        let tree = try makeTree(in: scratch)
        let (before, _) = try layer(of: tree, in: scratch)
        try host("touch", ["-d", "2024-01-02 00:00:00", tree + "/a/z.txt"])
        XCTAssertNotEqual(try layer(of: tree, in: scratch).0, before)
    }
}
