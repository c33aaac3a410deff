@testable import DocklingBuild
import DocklingCore
import Foundation
import XCTest

/// `COPY --from`: files read through another image's layers, whiteouts honoured, owners kept.
final class CopyFromImageTests: XCTestCase {
    private var scratch: ContextScratch!
    private var lower = "", upper = "", layer = ""

    override func tearDown() {
        scratch = nil  // its folder goes now, not when XCTest lets go of the test case
    }

    override func setUpWithError() throws {
        try requireRootForOwners()
        scratch = try ContextScratch("from")
        lower = try scratch.folder("lower")
        upper = try scratch.folder("upper")
        layer = try scratch.folder("layer")
        try scratch.file("out/app", in: lower, "binary v1", mode: 0o755)
        try scratch.file("out/deleted.o", in: lower, "object")
        try scratch.file("out/app", in: upper, "binary v2", mode: 0o750)
        XCTAssertEqual(chown(upper + "/out/app", 1000, 1000), 0)
        try Kernel.mknodWhiteout(upper + "/out/deleted.o", note: "test")
        try scratch.link("out/latest", in: upper, to: "app")
    }

    private func copy(_ sources: [String], _ destination: String, chown: String? = nil) throws {
        let instruction = CopyInstruction(isAdd: false, sources: sources, destination: destination, from: "builder", chown: chown)
        try CopyOperation(instruction: instruction, workdir: "/")
            .apply(from: .image(LayeredTree(layers: [lower, upper])), onto: LayeredTree(layers: []), into: layer)
    }

    func testAFolderIsReadThroughTheLayers() throws {
        try copy(["/out"], "/usr/local/bin/")
        XCTAssertEqual(textOf(layer + "/usr/local/bin/app"), "binary v2", "the top layer's file")
        XCTAssertNil(lstatOf(layer + "/usr/local/bin/deleted.o"), "a whiteout's file is gone")
        XCTAssertEqual(DocklingCore.Path.readLink(layer + "/usr/local/bin/latest"), "app")
        let app = try XCTUnwrap(lstatOf(layer + "/usr/local/bin/app"))
        XCTAssertEqual(app.st_mode & 0o7777, 0o750)
        XCTAssertEqual("\(app.st_uid):\(app.st_gid)", "1000:1000", "files from another image keep their owners")
    }

    func testASymlinkSourceCopiesWhatItLeadsTo() throws {
        try copy(["/out/latest"], "/bin/tool", chown: "7:8")
        XCTAssertEqual(textOf(layer + "/bin/tool"), "binary v2")
        XCTAssertEqual(lstatOf(layer + "/bin/tool").map { "\($0.st_uid):\($0.st_gid)" }, "7:8")
    }

    func testAMissingPathSaysWhereItWasLookedFor() throws {
        let error = try XCTUnwrap(contextError { try copy(["/out/deleted.o"], "/x") })
        XCTAssertEqual(error.what, "\"/out/deleted.o\": not found")
        XCTAssertTrue(error.hint?.contains("COPY --from reads the other stage's or image's files") == true)
    }
}
