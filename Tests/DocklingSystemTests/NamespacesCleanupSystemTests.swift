import Foundation
import XCTest

/// Nothing is left behind: not after a run, not after a failing command, not after Ctrl-C.
final class NamespacesCleanupSystemTests: XCTestCase {
    private var root: TemporaryRoot!

    override func setUpWithError() throws {
        try Tool.requireRoot()
        try Tool.requireProgram("busybox", package: "busybox-static")
        try Tool.requireProgram("setsid", package: "util-linux")
        root = try TemporaryRoot("cleanup")
        // Build the rootfs once, so that the before/after pictures compare runs only.
        try Tool.run("dockling-namespaces", ["--", "true"], environment: root.environment)
    }

    private func snapshot() throws -> [String] {
        let tmp = (try? FileManager.default.contentsOfDirectory(atPath: root.path + "/tmp")) ?? []
        return try Tool.mounts(involving: root.path) + Tool.mounts(involving: "dockling") + tmp.map { "tmp: \($0)" }
    }

    func testNothingRemainsAfterSuccessAndFailure() throws {
        let before = try snapshot()
        XCTAssertEqual(try Tool.run("dockling-namespaces", ["--", "sh", "-c", "mount -t tmpfs x /mnt"],
                                    environment: root.environment).status, 0)
        XCTAssertEqual(try Tool.run("dockling-namespaces", ["--", "sh", "-c", "exit 9"],
                                    environment: root.environment).status, 9)
        XCTAssertEqual(try Tool.run("dockling-namespaces", ["--", "no-such-command"],
                                    environment: root.environment).status, 127)
        XCTAssertEqual(try snapshot(), before)
    }

    func testCtrlCKillsTheContainerAndLeavesNothing() throws {
        let before = try snapshot()
        let marker = "31.\(Int.random(in: 100...999))"
        // setsid gives the run a process group of its own, so that SIGINT to the whole
        // group is exactly what a terminal's Ctrl-C does.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["-w", Tool.path("dockling-namespaces"), "--", "sleep", marker]
        process.environment = Tool.childEnvironment(root.environment)
        process.standardError = FileHandle.nullDevice
        try process.run()
        XCTAssertTrue(HostProcesses.waitFor { !HostProcesses.sleepers(marker).isEmpty }, "the container never started")
        let group = try XCTUnwrap(HostProcesses.sleepers(marker).first.flatMap(HostProcesses.processGroup))
        kill(-group, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertTrue(HostProcesses.waitFor { HostProcesses.sleepers(marker).isEmpty }, "the container outlived Ctrl-C")
        XCTAssertEqual(try snapshot(), before)
    }

}
