@testable import DocklingBuild
import DocklingCore
import Foundation
import XCTest

/// An image's files as its unpacked layers stack them, with overlayfs's whiteouts (0:0
/// character devices) and opaque folders, as dockling stores layers.
final class ContextLayeredTreeTests: XCTestCase {
    private var scratch: ContextScratch!
    private var lower = "", upper = ""

    override func tearDown() {
        scratch = nil  // its folder goes now, not when XCTest lets go of the test case
    }

    override func setUpWithError() throws {
        try requireRootForOwners()
        scratch = try ContextScratch("tree")
        lower = try scratch.folder("lower")
        upper = try scratch.folder("upper")
        try scratch.file("etc/passwd", in: lower, "root:x:0:0:root:/root:/bin/sh\nwww-data:x:33:33::/var/www:/bin/false\n")
        try scratch.file("etc/group", in: lower, "root:x:0:\nstaff:x:50:\nwww-data:x:33:\n")
        try scratch.file("data/old.txt", in: lower, "old")
        try scratch.file("data/kept.txt", in: lower, "kept")
        try scratch.file("opaque/hidden.txt", in: lower)
        try scratch.file("replaced/inside.txt", in: lower)
        try scratch.file("data/new.txt", in: upper, "new")
        try FileManager.default.createDirectory(atPath: upper + "/opaque", withIntermediateDirectories: true)
        try Kernel.lsetxattr(upper + "/opaque", name: OverlayEntry.opaqueXattr, value: "y", note: "test")
        try Kernel.mknodWhiteout(upper + "/data/old.txt", note: "test")
        try scratch.file("replaced", in: upper, "a file now")
        try scratch.link("etc-link", in: upper, to: "../../../etc")
    }

    private var tree: LayeredTree { LayeredTree(layers: [lower, upper]) }

    func testTheTopmostLayerDecides() throws {
        XCTAssertEqual(tree.children(["data"]).map { Set($0.keys) }, ["kept.txt", "new.txt"], "the whiteout hides old.txt")
        XCTAssertEqual(tree.entry(["data", "kept.txt"])?.host, lower + "/data/kept.txt")
        XCTAssertNil(tree.entry(["data", "old.txt"]))
        XCTAssertEqual(tree.children(["opaque"]).map(\.count), 0, "an opaque folder hides the lower layer's contents")
        XCTAssertNil(tree.entry(["replaced", "inside.txt"]), "a file on top replaces a whole folder below")
        XCTAssertNil(tree.children(["replaced"]))
    }

    func testSymlinksAreFollowedInsideTheTree() throws {
        XCTAssertEqual(try tree.resolve("/etc-link/passwd"), ["etc", "passwd"], "`..` stops at the tree's root")
        XCTAssertEqual(try tree.resolve("etc-link", followingLast: false), ["etc-link"])
        try scratch.link("loop", in: upper, to: "/loop")
        XCTAssertTrue(contextError { _ = try tree.resolve("/loop/x") }?.what.contains("too many symlinks") == true)
    }

    func testChownNamesAreLookedUpInTheImage() throws {
        XCTAssertEqual(try tree.lookUpUser("www-data").uid, 33)
        XCTAssertEqual(try tree.lookUpUser("www-data").gid, 33, "a user alone gets its primary group")
        XCTAssertEqual(try tree.lookUpUser("1000").gid, 1000, "a number alone is the group number too (BuildKit)")
        XCTAssertEqual(try tree.lookUpUser("www-data:staff").gid, 50)
        XCTAssertEqual(try tree.lookUpUser("1:2").uid, 1)
        XCTAssertEqual(try tree.lookUpUser("root:77").gid, 77)
        XCTAssertEqual(try tree.lookUpUser(":staff").uid, 0)
        let user = try XCTUnwrap(contextError { _ = try tree.lookUpUser("nobody") })
        XCTAssertEqual(user.what, "unable to find user nobody: no matching entries in passwd file")
        let group = try XCTUnwrap(contextError { _ = try tree.lookUpUser("root:wheel") })
        XCTAssertEqual(group.what, "unable to find group wheel: no matching entries in group file")
    }

    func testAUserFileDeletedByALayerIsGone() throws {
        try FileManager.default.createDirectory(atPath: upper + "/etc", withIntermediateDirectories: true)
        try Kernel.mknodWhiteout(upper + "/etc/passwd", note: "test")
        XCTAssertNotNil(contextError { _ = try tree.lookUpUser("www-data") })
        XCTAssertEqual(try LayeredTree(layers: []).lookUpUser("0:0").uid, 0, "numbers need no files (FROM scratch)")
    }
}
