import Foundation
import XCTest

/// Thirty confined containers started at the same moment: every one succeeds, and none
/// leaves a mount, cgroup, process or file behind.
final class SecurityConcurrencySystemTests: XCTestCase {
    func testThirtyConcurrentRunsSucceedAndLeaveNothing() throws {
        try Tool.requireRoot()
        try Tool.requireProgram("busybox", package: "busybox-static")
        let root = try TemporaryRoot("thirty")
        let cli = DocklingCLI(root: root)
        XCTAssertEqual(try cli.run(["run", "--rm", "busybox", "true"]).status, 0, "the first run imports busybox")
        _ = HostProcesses.waitFor { !HostLeftovers.removalInFlight(root: root.path) }
        let storeBefore = try storeTree(root.path)
        let hostBefore = Set(try HostLeftovers.snapshot(root: root.path))

        let results = try Tool.runAtOnce("dockling", Array(repeating: ["run", "--rm", "busybox", "true"], count: 30),
                                         environment: root.environment)
        for (index, result) in results.enumerated() {
            XCTAssertEqual(result.status, 0, "run \(index): \(result.stdout)\(result.stderr)")
        }

        XCTAssertEqual(try cli.run(["ps", "-a", "-q"]).stdout, "", "--rm removed every container")
        // Each monitor deletes its container's folder just after reporting the exit code.
        _ = HostProcesses.waitFor { (try? storeTree(root.path)) == storeBefore }
        XCTAssertEqual(try storeTree(root.path), storeBefore, "no container folder or temp file is left in the store")
        func leftovers() throws -> Set<String> {
            Set(try HostLeftovers.snapshot(root: root.path)).subtracting(hostBefore)
                .filter { !$0.hasPrefix("process ") || belongsToStore($0, root: root.path) }
        }
        _ = HostProcesses.waitFor { (try? leftovers())?.isEmpty == true }
        XCTAssertEqual(try leftovers(), [], "mounts, cgroups or monitors left behind")
    }

    /// Every path under the store, but the image content that the first run put there.
    private func storeTree(_ root: String) throws -> [String] {
        (FileManager.default.subpaths(atPath: root) ?? []).filter { !$0.hasPrefix("layers/") && !$0.hasPrefix("blobs/") }.sorted()
    }

    /// A dockling-init of this test's store (others may run on the same host).
    private func belongsToStore(_ leftover: String, root: String) -> Bool {
        let pid = leftover.split(separator: " ")[1]
        let environment = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ"))) ?? Data()
        return String(decoding: environment, as: UTF8.self).contains("DOCKLING_ROOT=\(root)")
    }
}
