import Foundation
import XCTest

/// A build that fails says why in docker's words, names the Dockerfile line, exits 1, and
/// leaves no image, tag, container, mount, cgroup or scratch folder behind.
final class BuildFailureSystemTests: XCTestCase {
    private var fixture: BuildFixture!

    override func setUpWithError() throws { fixture = try BuildFixture("build-failure") }
    override func tearDownWithError() throws { try fixture?.clean() }

    func testAFailingRunLeavesNothingBehind() throws {
        try fixture.dockerfile("FROM busybox\nRUN echo before > /before\nRUN echo about to fail; false\nCMD [\"true\"]\n")
        try fixture.cli.succeed(["inspect", "busybox"])  // busybox:latest is made here, before the snapshot
        let check = StoreCheck(cli: fixture.cli)
        let before = try fixture.cli.succeed(["images", "-q"])
        let host = try fixture.hostSnapshot()
        let result = try fixture.build(["-t", "failed:1"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("ERROR: failed to solve: process \"/bin/sh -c echo about to fail; false\""
                                             + " did not complete successfully: exit code: 1"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Dockerfile:3\n--------------------\n"), result.stderr)
        XCTAssertTrue(result.stderr.contains("   3 | >>> RUN echo about to fail; false\n"), result.stderr)
        XCTAssertTrue(result.stderr.contains(" > [3/3] RUN echo about to fail; false:\n"), result.stderr)
        XCTAssertTrue(result.stderr.contains(" about to fail\n"), result.stderr)
        XCTAssertEqual(try fixture.cli.succeed(["images", "-q"]), before)
        XCTAssertNotEqual(try fixture.cli.run(["inspect", "failed:1"]).status, 0)
        XCTAssertEqual(try fixture.cli.succeed(["ps", "-a", "-q"]), "")
        try fixture.assertHostUnchanged(since: host)
        let scratch = (try? FileManager.default.contentsOfDirectory(atPath: fixture.cli.root.path + "/tmp")) ?? []
        XCTAssertEqual(scratch, [], "left in tmp/")
        try check.assertEveryImageIsUsable("after the failed build")
    }

    /// A missing COPY source: absent, or kept out by a `.dockerignore` line, said apart.
    func testAMissingCopySourceSaysWhetherItIsAbsentOrIgnored() throws {
        try fixture.write(".dockerignore", "*.md\nsecret.txt\n")
        try fixture.write("secret.txt", "password\n")
        try fixture.dockerfile("FROM busybox\nCOPY secret.txt /\n")
        let ignored = try fixture.build()
        XCTAssertEqual(ignored.status, 1)
        XCTAssertTrue(ignored.stderr.contains("\"/secret.txt\": not found"), ignored.stderr)
        XCTAssertTrue(ignored.stderr.contains(".dockerignore line 2"), ignored.stderr)
        XCTAssertTrue(ignored.stderr.contains("   2 | >>> COPY secret.txt /"), ignored.stderr)

        try fixture.dockerfile("FROM busybox\nCOPY nowhere.txt /\n")
        let absent = try fixture.build()
        XCTAssertEqual(absent.status, 1)
        XCTAssertTrue(absent.stderr.contains("\"/nowhere.txt\": not found"), absent.stderr)
        XCTAssertFalse(absent.stderr.contains(".dockerignore line"), absent.stderr)
    }

    func testAnUnknownInstructionNamesItsLine() throws {
        try fixture.dockerfile("FROM busybox\n\nFOO bar\n")
        let result = try fixture.build()
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("unknown instruction: FOO"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Dockerfile:3\n"), result.stderr)
        XCTAssertTrue(result.stderr.contains("   3 | >>> FOO bar\n"), result.stderr)
    }

    func testAnUnknownTargetOrBaseImageIsRefused() throws {
        try fixture.dockerfile("FROM busybox AS one\nRUN true\n")
        let target = try fixture.build(["--target", "two"])
        XCTAssertEqual(target.status, 1)
        XCTAssertTrue(target.stderr.contains("ERROR: failed to solve: target stage \"two\" could not be found"), target.stderr)

        try fixture.dockerfile("FROM alpine:3.20\nRUN true\n")
        let missing = try fixture.build()
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("docker.io/library/alpine:3.20"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("dockling load"), missing.stderr)
    }
}
