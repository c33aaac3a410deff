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
        return try Tool.mountTable() + tmp.map { "tmp: \($0)" }
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
        process.environment = ProcessInfo.processInfo.environment.merging(root.environment) { $1 }
        process.standardError = FileHandle.nullDevice
        try process.run()
        XCTAssertTrue(waitFor { !self.processes(matching: marker).isEmpty }, "the container never started")
        let group = try XCTUnwrap(processes(matching: marker).first.flatMap(processGroup))
        kill(-group, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertTrue(waitFor { self.processes(matching: marker).isEmpty }, "the container outlived Ctrl-C")
        XCTAssertEqual(try snapshot(), before)
    }

    /// Pids whose command line is exactly `sleep <argument>`.
    private func processes(matching argument: String) -> [pid_t] {
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return pids.compactMap { pid in
            guard let number = pid_t(pid),
                  let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let words = cmdline.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return words == ["sleep", argument] ? number : nil
        }
    }

    /// The process group of `pid` (field 5 of /proc/PID/stat): the group a terminal
    /// would send Ctrl-C to.
    private func processGroup(_ pid: pid_t) -> pid_t? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.range(of: ") ", options: .backwards) else { return nil }
        return stat[close.upperBound...].split(separator: " ").dropFirst(2).first.flatMap { pid_t($0) }
    }

    private func waitFor(_ condition: () -> Bool) -> Bool {
        for _ in 0..<100 {
            if condition() { return true }
            usleep(50_000)
        }
        return false
    }
}
