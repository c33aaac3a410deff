import Foundation
import XCTest

/// A --rm container's monitor reports the exit code first and cleans up after it. A loop
/// that starts containers one after another — a learner's, a test suite's, compose's —
/// must not outrun that cleanup: two seconds after the hundredth run has returned, no
/// monitor, cgroup, mount or store entry of any of them is left.
final class SustainedRunSystemTests: XCTestCase {
    private var store: SystemStore!

    override func setUpWithError() throws {
        store = try SystemStore("sustained")
    }

    override func tearDownWithError() throws {
        try store?.clean()
    }

    func testAHundredRemovedContainersInARowLeaveNothingTwoSecondsAfterTheLast() throws {
        let (root, cli) = (store.root, store.cli)
        // The first run builds the busybox image; its cleanup is not the loop's.
        XCTAssertEqual(try cli.run(["run", "--rm", "busybox", "true"]).status, 0)
        _ = HostProcesses.waitFor { !HostLeftovers.removalInFlight(root: root.path) }
        let before = try HostLeftovers.snapshot(root: root.path)
        // Other stores on this host may make cgroups meanwhile: only those named after
        // this loop's containers count. Each run's trace (a file in the store's folder)
        // names its container as dockling makes it.
        var ids: Set<String> = []
        let deadline = Date().addingTimeInterval(240)
        for index in 0..<100 {
            let trace = root.path + "/trace-\(index).json"
            let environment = root.environment.merging(["DOCKLING_TRACE": "json", "DOCKLING_TRACE_FILE": trace]) { $1 }
            let result = try Tool.run("dockling", ["run", "--rm", "busybox", "true"], environment: environment, timeout: 30)
            XCTAssertEqual(result.status, 0, "run \(index): \(result.stderr)")
            let text = (try? String(contentsOfFile: trace, encoding: .utf8)) ?? ""
            if let made = text.range(of: "/containers/.new-") { ids.insert(String(text[made.upperBound...].prefix(64))) }
            guard result.status == 0, Date() < deadline else {
                return XCTFail("the loop stopped at run \(index): a failure, or slower than 240 s in all")
            }
        }
        XCTAssertEqual(ids.count, 100, "every run's trace names its container")
        Thread.sleep(forTimeInterval: 2)
        let left = try HostLeftovers.snapshot(root: root.path).filter { line in
            !line.hasPrefix("cgroup ") || ids.contains(String(line.split(separator: "-").last ?? ""))
        }
        XCTAssertEqual(left, before.filter { !$0.hasPrefix("cgroup ") },
                       "monitors, cgroups or mounts of the hundred containers are left 2 s after the last one returned")
        let entries = try FileManager.default.contentsOfDirectory(atPath: root.path + "/containers")
        XCTAssertEqual(entries.filter { $0 != ".lock" }, [], "store entries left 2 s after the last run")
    }
}
