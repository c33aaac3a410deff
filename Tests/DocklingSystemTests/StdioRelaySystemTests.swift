import Foundation
import XCTest

/// Issue 17's deadlock: `run -i … cat` with more input than the pipes hold. Every relay
/// between the client, the monitor and the container must move both ways at once; a
/// relay that blocks writing one way while the other fills hangs, and each test below
/// turns such a hang into a failure with a timeout.
final class StdioRelaySystemTests: XCTestCase {
    private var store: SystemStore!
    private var root: TemporaryRoot { store.root }
    private var cli: DocklingCLI { store.cli }
    private var data: TemporaryRoot!

    override func setUpWithError() throws {
        store = try SystemStore("relay")
        data = try TemporaryRoot("relay-data")
    }

    override func tearDownWithError() throws {
        try store?.clean()
    }

    func testTenMegabytesOfRandomBytesComeBackIdenticalTwentyTimesInARow() throws {
        let input = try randomFile("ten", megabytes: 10)
        for attempt in 1...20 {
            let output = data.path + "/out-\(attempt)"
            let result = try shell("\(dockling) run -i --rm busybox cat < \(input) > \(output)", timeout: 60)
            XCTAssertEqual(result.status, 0, "attempt \(attempt): \(result.stderr)")
            XCTAssertTrue(FileManager.default.contentsEqual(atPath: input, andPath: output), "attempt \(attempt) differs")
            try FileManager.default.removeItem(atPath: output)
        }
    }

    func testTwoHundredMegabytesComeBackIdentical() throws {
        let input = try randomFile("big", megabytes: 200)
        let output = data.path + "/big-out"
        // Through a pipe on each side too, as `producer | dockling run -i … | consumer`.
        let result = try shell("cat \(input) | \(dockling) run -i --rm busybox cat | cat > \(output)", timeout: 600)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.contentsEqual(atPath: input, andPath: output))
    }

    func testExecAndAttachWithStdinComeBackIdentical() throws {
        let input = try randomFile("ten", megabytes: 10)
        try cli.run(["run", "-d", "--name", "box", "busybox", "sleep", "600"])
        let execOut = data.path + "/exec-out"
        let exec = try shell("\(dockling) exec -i box cat < \(input) > \(execOut)", timeout: 60)
        XCTAssertEqual(exec.status, 0, exec.stderr)
        XCTAssertTrue(FileManager.default.contentsEqual(atPath: input, andPath: execOut), "exec -i differs")

        try cli.run(["create", "-i", "--name", "cat", "busybox", "cat"])
        try cli.run(["start", "cat"])
        let attachOut = data.path + "/attach-out"
        let attach = try shell("\(dockling) attach cat < \(input) > \(attachOut)", timeout: 60)
        XCTAssertEqual(attach.status, 0, attach.stderr)
        XCTAssertTrue(FileManager.default.contentsEqual(atPath: input, andPath: attachOut), "attach differs")
    }

    /// `sleep` as PID 1 has no handler for SIGTERM, so the kernel would drop the
    /// signal dockling passes on; dockling ends the container instead, and the run
    /// ends within a second of `timeout`'s SIGTERM, leaving nothing behind.
    func testATimeoutEndsAnInteractiveRunWithinASecondAndLeavesNothing() throws {
        try cli.run(["run", "--rm", "busybox", "true"])
        _ = HostProcesses.waitFor { !HostLeftovers.removalInFlight(root: root.path) }
        let before = try HostLeftovers.snapshot(root: root.path)
        let started = Date()
        let result = try shell("timeout 5 \(dockling) run -i --rm busybox sh -c 'sleep 60'", timeout: 30)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(result.status, 124, "timeout's own code for a command it had to stop: \(result.stderr)")
        XCTAssertLessThan(elapsed, 6, "the run must end within a second of SIGTERM")
        XCTAssertEqual(try cli.run(["ps", "-a", "-q"]).stdout, "")
        _ = HostProcesses.waitFor { (try? HostLeftovers.snapshot(root: root.path)) == before }
        XCTAssertEqual(try HostLeftovers.snapshot(root: root.path), before)
    }

    /// A PID 1 that does catch SIGTERM gets it, as docker's sig-proxy passes it on.
    func testSIGTERMReachesAPID1ThatCatchesIt() throws {
        let output = data.path + "/trap-out"
        let script = "trap 'echo caught; exit 3' TERM; echo ready; while :; do sleep 0.1; done"
        let result = try shell("""
            \(dockling) run --rm busybox sh -c "\(script)" > \(output) & pid=$!
            until grep -q ready \(output); do sleep 0.05; done
            kill -TERM $pid; wait $pid
            """, timeout: 30)
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), "ready\ncaught\n")
    }

    private var dockling: String { Tool.path("dockling") }

    private func shell(_ script: String, timeout: TimeInterval) throws -> ToolResult {
        try Tool.exec("/bin/sh", ["-c", script], environment: root.environment, timeout: timeout)
    }

    private func randomFile(_ name: String, megabytes: Int) throws -> String {
        let path = data.path + "/" + name
        let result = try Tool.exec("/bin/sh", ["-c", "head -c \(megabytes * 1_000_000) /dev/urandom > \(path)"])
        XCTAssertEqual(result.status, 0)
        return path
    }
}
