@testable import DocklingBuild
import DocklingCore
import Foundation
import XCTest

/// ADD's local archives, told by content and unpacked by the core's layer extractor.
final class CopyArchiveTests: XCTestCase {
    private var scratch: ContextScratch!
    private var context = "", layer = ""

    override func tearDown() {
        scratch = nil  // its folder goes now, not when XCTest lets go of the test case
    }

    override func setUpWithError() throws {
        try requireRootForOwners()
        scratch = try ContextScratch("add")
        context = try scratch.folder("context")
        layer = try scratch.folder("layer")
        let tree = try scratch.folder("tree")
        try scratch.file("pkg/bin/tool", in: tree, "tool", mode: 0o755)
        try scratch.file("pkg/README", in: tree, "read me")
        try scratch.run("/usr/bin/tar", ["-cf", context + "/plain.tar", "pkg"], in: tree)
        try scratch.run("/usr/bin/tar", ["-czf", context + "/gzip.bin", "pkg"], in: tree)
        try scratch.run("/usr/bin/tar", ["-cjf", context + "/bzip2.bin", "pkg"], in: tree)
        try scratch.run("/usr/bin/tar", ["-cJf", context + "/xz.bin", "pkg"], in: tree)
        try scratch.file("notes.tar", in: context, "not an archive, whatever its name says")
    }

    private func add(_ sources: [String], _ destination: String) throws {
        let instruction = CopyInstruction(isAdd: true, sources: sources, destination: destination)
        let build = try BuildContext(directory: context, ignore: .none, statCache: nil)
        try CopyOperation(instruction: instruction, workdir: "/")
            .apply(from: .context(build), onto: LayeredTree(layers: []), into: layer)
    }

    func testArchivesAreToldByContentAndUnpacked() throws {
        for name in ["plain.tar", "gzip.bin", "bzip2.bin", "xz.bin"] {
            try add([name], "/opt/\(name)")
            XCTAssertEqual(textOf(layer + "/opt/\(name)/pkg/bin/tool"), "tool", name)
            XCTAssertEqual(lstatOf(layer + "/opt/\(name)/pkg/bin/tool").map { $0.st_mode & 0o777 }, 0o755, name)
        }
    }

    func testAFileThatIsNotAnArchiveIsCopied() throws {
        try add(["notes.tar"], "/docs/notes.tar")
        XCTAssertEqual(textOf(layer + "/docs/notes.tar"), "not an archive, whatever its name says")
        try scratch.file("empty", in: context)
        try add(["empty"], "/docs/empty")
        XCTAssertEqual(lstatOf(layer + "/docs/empty").map { $0.st_mode & S_IFMT }, S_IFREG, "an empty file is no archive")
    }

    func testCopyNeverUnpacks() throws {
        let instruction = CopyInstruction(isAdd: false, sources: ["plain.tar"], destination: "/x.tar")
        let build = try BuildContext(directory: context, ignore: .none, statCache: nil)
        try CopyOperation(instruction: instruction, workdir: "/")
            .apply(from: .context(build), onto: LayeredTree(layers: []), into: layer)
        XCTAssertEqual(lstatOf(layer + "/x.tar").map { $0.st_mode & S_IFMT }, S_IFREG)
    }

    func testAHostileArchiveIsRefused() throws {
        let tree = try scratch.folder("hostile")
        try scratch.file("x", in: tree, "x")
        try scratch.run("/usr/bin/tar", ["-cf", context + "/evil.tar", "--transform", "s,^x,../../escaped,", "x"], in: tree)
        let error = try XCTUnwrap(contextError { try add(["evil.tar"], "/") })
        XCTAssertTrue(error.what.contains("climbs out of the layer"), error.what)
        XCTAssertNil(lstatOf(scratch.path + "/escaped"))
    }

    /// Docker untars an ADD archive as plain `tar -x`: `.wh.` names are files, not
    /// whiteouts that would delete the image's /etc/passwd or hide its /etc.
    func testWhiteoutNamesInAnArchiveAreFiles() throws {
        let tree = try scratch.folder("whiteouts")
        try scratch.file("etc/.wh.passwd", in: tree, "just a file")
        try scratch.file("etc/.wh..wh..opq", in: tree)
        try scratch.run("/usr/bin/tar", ["-cf", context + "/wh.tar", "etc"], in: tree)
        try add(["wh.tar"], "/")
        XCTAssertEqual(textOf(layer + "/etc/.wh.passwd"), "just a file")
        XCTAssertEqual(lstatOf(layer + "/etc/.wh..wh..opq").map { $0.st_mode & S_IFMT }, S_IFREG)
        XCTAssertNil(lstatOf(layer + "/etc/passwd"), "no 0:0 device: nothing of the image is deleted")
        XCTAssertFalse(OverlayEntry.isOpaque(layer + "/etc"))
    }
}
