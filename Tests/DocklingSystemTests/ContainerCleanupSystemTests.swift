import Foundation
import XCTest

/// Many runs, some failing, with and without --rm, then a prune: nothing of dockling's
/// remains on the host.
final class ContainerCleanupSystemTests: XCTestCase {
    func testFiftyRunsAndAPruneLeaveNothing() throws {
        let store = try SystemStore("fifty")
        let (root, cli) = (store.root, store.cli)
        try cli.run(["images"])
        let before = try HostLeftovers.snapshot(root: root.path)
        for index in 0..<50 {
            var arguments = ["run"]
            if index % 2 == 0 { arguments.append("--rm") }
            if index % 5 == 0 && KernelFeatures.missing("--memory") == nil { arguments += ["--memory", "64m"] }
            let script = index % 3 == 0 ? "exit \(index % 7)" : "echo \(index) > /f; cat /f"
            let command = index % 10 == 9 ? ["no-such-command"] : ["sh", "-c", script]
            let result = try cli.run(arguments + ["busybox"] + command)
            let expected: Int32 = index % 10 == 9 ? 127 : (index % 3 == 0 ? Int32(index % 7) : 0)
            XCTAssertEqual(result.status, expected, "run \(index): \(result.stderr)")
        }
        XCTAssertEqual(try cli.run(["system", "prune", "-f", "--volumes"]).status, 0)
        XCTAssertEqual(try cli.run(["ps", "-a", "-q"]).stdout, "")
        _ = HostProcesses.waitFor { (try? HostLeftovers.snapshot(root: root.path)) == before }
        XCTAssertEqual(try HostLeftovers.snapshot(root: root.path), before)
        let tmp = (try? FileManager.default.contentsOfDirectory(atPath: root.path + "/tmp")) ?? []
        XCTAssertEqual(tmp, [])
    }

    /// Ctrl-C may come at any moment of `run --rm`: while dockling-init loads, while the
    /// container is made or started, or while it runs. Whenever it comes, nothing is
    /// left once the run has ended: no half-made folder, no Created container, no cgroup.
    func testCtrlCAtAnyMomentOfARunLeavesNothing() throws {
        let store = try SystemStore("interrupted")
        let (root, cli) = (store.root, store.cli)
        try cli.run(["images"])
        try cli.run(["run", "--rm", "busybox", "true"])
        _ = HostProcesses.waitFor { !HostLeftovers.removalInFlight(root: root.path) }
        let before = try HostLeftovers.snapshot(root: root.path)
        // A start takes some tens of milliseconds (a debug build): interrupt all along it.
        for step in 0..<48 {
            try Tool.runKilled("dockling", ["run", "--rm", "busybox", "sleep", "0.3"], environment: root.environment,
                               signal: SIGINT, after: Double(step) * 0.0015)
        }
        _ = HostProcesses.waitFor { (try? HostLeftovers.snapshot(root: root.path)) == before }
        XCTAssertEqual(try HostLeftovers.snapshot(root: root.path), before)
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.path + "/containers")) ?? []
        XCTAssertEqual(folders.filter { $0 != ".lock" }, [], "half-made or left containers")
    }
}
