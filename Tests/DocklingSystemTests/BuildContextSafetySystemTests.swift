import Foundation
import XCTest

/// A tar context on standard input is untrusted input (a CI building submitted tarballs):
/// its symlinks never make the builder read a host file, its `.wh.` names are files (as
/// docker's `tar -x` leaves them), and whatever fails, its unpacked copy is removed.
final class BuildContextSafetySystemTests: XCTestCase {
    private var fixture: BuildFixture!
    private var work: TemporaryRoot!

    override func setUpWithError() throws {
        fixture = try BuildFixture("build-ctx-safety")
        work = try TemporaryRoot("build-ctx-safety-tar")
    }

    override func tearDownWithError() throws { try fixture?.clean() }

    /// `dockling build -` with the context folder, tarred, on standard input.
    private func buildTar() throws -> ToolResult {
        let archive = work.path + "/context.tar"
        let tar = try Tool.exec("/usr/bin/env", ["tar", "-cf", archive, "-C", fixture.context.path, "."])
        XCTAssertEqual(tar.status, 0, tar.stderr)
        return try Tool.exec("/bin/sh", ["-c", "\(Tool.path("dockling")) build --network none --progress plain - < \(archive)"],
                             environment: fixture.cli.root.environment, timeout: 120)
    }

    private func assertNoScratchLeft(file: StaticString = #filePath, line: UInt = #line) {
        let left = (try? FileManager.default.contentsOfDirectory(atPath: fixture.cli.root.path + "/tmp")) ?? []
        XCTAssertEqual(left, [], "standard input's folder is removed", file: file, line: line)
    }

    func testASymlinkedDockerfileReadsNoHostFile() throws {
        let secret = try String(contentsOfFile: "/etc/shadow", encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: fixture.context.path + "/Dockerfile",
                                                   withDestinationPath: "/etc/shadow")
        try fixture.write("a.txt", "a\n")
        let built = try buildTar()
        // The messages never quote the output: on failure it would hold the host's secrets.
        XCTAssertNotEqual(built.status, 0)
        XCTAssertTrue(built.stderr.contains("failed to read dockerfile"), "not a read error")
        let leaked = secret.split(separator: "\n").filter { !$0.isEmpty && (built.stdout + built.stderr).contains($0) }
        XCTAssertEqual(leaked.count, 0, "lines of /etc/shadow in the build's output")
        assertNoScratchLeft()
    }

    /// The host file would exclude secret.txt; the context has no such .dockerignore.
    func testASymlinkedDockerignoreReadsNoHostFile() throws {
        let hostIgnore = work.path + "/host.dockerignore"
        try Data("secret.txt\n".utf8).write(to: URL(fileURLWithPath: hostIgnore))
        try FileManager.default.createSymbolicLink(atPath: fixture.context.path + "/.dockerignore",
                                                   withDestinationPath: hostIgnore)
        try fixture.dockerfile("FROM scratch\nCOPY secret.txt /\n")
        try fixture.write("secret.txt", "in the context\n")
        let built = try buildTar()
        XCTAssertEqual(built.status, 0, built.stderr)
        assertNoScratchLeft()
    }

    func testAFailedStandardInputBuildLeavesNoFolder() throws {
        try fixture.write("a.txt", "no Dockerfile here\n")
        let built = try buildTar()
        XCTAssertNotEqual(built.status, 0)
        XCTAssertTrue(built.stderr.contains("failed to read dockerfile"), built.stderr)
        assertNoScratchLeft()
    }

    func testWhiteoutNamesInATarContextAreFiles() throws {
        try fixture.dockerfile("FROM scratch\nCOPY .wh.keep /kept\n")
        try fixture.write(".wh.keep", "a file, not a whiteout\n")
        let built = try buildTar()
        XCTAssertEqual(built.status, 0, built.stderr)
        assertNoScratchLeft()
    }

    /// A FIFO is refused while copying (never opened: no hang), in BuildKit's words for a
    /// copy error — not "failed to compute cache key", which is for reading the sources.
    func testAFifoInTheContextIsACopyError() throws {
        try fixture.dockerfile("FROM scratch\nCOPY . /app/\n")
        XCTAssertEqual(mkfifo(fixture.context.path + "/pipe", 0o644), 0)
        let built = try fixture.build()
        XCTAssertNotEqual(built.status, 0)
        XCTAssertTrue(built.stderr.contains("ERROR: failed to copy files: cannot copy /pipe: it is a pipe or a device file"),
                      built.stderr)
        XCTAssertFalse(built.stderr.contains("failed to compute cache key"), built.stderr)
    }
}
