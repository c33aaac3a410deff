@testable import DocklingBuild
import DocklingCore
import Foundation
import XCTest

/// Sockets, FIFOs and a tar context's Dockerfile: what docker's context tar skips, what
/// COPY refuses, and where a stdin context's files are read from.
final class ContextSpecialFilesTests: XCTestCase {
    private var scratch: ContextScratch!
    private var context = "", layer = ""

    override func tearDown() {
        scratch = nil  // its folder goes now, not when XCTest lets go of the test case
    }

    override func setUpWithError() throws {
        try requireRootForOwners()
        scratch = try ContextScratch("special")
        context = try scratch.folder("context")
        layer = try scratch.folder("layer")
        try scratch.file("app/main.c", in: context, "int main;")
    }

    /// A listening Unix socket at `path`, as git's fsmonitor leaves in `.git/`.
    private func makeSocket(_ path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            path.utf8CString.withUnsafeBytes { raw.copyMemory(from: $0) }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(bound, 0, "bind \(path)")
    }

    private func copy(_ sources: [String], _ destination: String) throws {
        let build = try BuildContext(directory: context, ignore: .none, statCache: nil)
        try CopyOperation(instruction: CopyInstruction(isAdd: false, sources: sources, destination: destination),
                          workdir: "/").apply(from: .context(build), onto: LayeredTree(layers: []), into: layer)
    }

    func testSocketsAreSkippedByTheWalkTheKeyAndCopy() throws {
        try makeSocket(context + "/app/fsmonitor.sock")
        let build = try BuildContext(directory: context, ignore: .none, statCache: nil)
        XCTAssertEqual(try build.contentKey(build.select(["."])).files.map(\.path), ["app", "app/main.c"])
        XCTAssertEqual(try build.select(["app/*"]).map(\.path), ["app/main.c"])
        XCTAssertEqual(contextError { _ = try build.select(["app/fsmonitor.sock"]) }?.what, "\"/app/fsmonitor.sock\": not found")
        try copy(["."], "/src/")
        XCTAssertEqual(textOf(layer + "/src/app/main.c"), "int main;")
        XCTAssertNil(lstatOf(layer + "/src/app/fsmonitor.sock"))
    }

    func testAFifoIsRefusedAsACopyError() throws {
        XCTAssertEqual(mkfifo(context + "/app/pipe", 0o644), 0)
        let error = try XCTUnwrap(contextError { try copy(["."], "/src/") })
        XCTAssertEqual(error.what, "cannot copy /app/pipe: it is a pipe or a device file")
        XCTAssertTrue(error.duringCopy)
        XCTAssertEqual(error.label, "failed to copy files")
    }

    func testASourceThatIsNotThereIsACacheKeyError() throws {
        let build = try BuildContext(directory: context, ignore: .none, statCache: nil)
        let error = try XCTUnwrap(contextError { _ = try build.select(["missing"]) })
        XCTAssertEqual(error.label, "failed to compute cache key")
    }

    /// A tar context's `Dockerfile -> /etc/passwd` is the context's /etc/passwd: not there.
    func testAStandardInputContextIsReadInsideTheContext() throws {
        try scratch.link("Dockerfile", in: context, to: "/etc/passwd")
        try scratch.link(".dockerignore", in: context, to: "../../../../../../etc/passwd")
        XCTAssertNotNil(try BuildInput.text(of: context + "/Dockerfile"), "on the host, the link is followed")
        XCTAssertNil(try BuildInput.text(of: "Dockerfile", inside: context))
        XCTAssertNil(try BuildInput.text(of: ".dockerignore", inside: context))
        try scratch.link("inner", in: context, to: "/app/main.c")
        XCTAssertEqual(try BuildInput.text(of: "inner", inside: context), "int main;", "a link inside the context is followed")
    }
}
