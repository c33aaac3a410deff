import Foundation
import XCTest

/// A trace must be true: every namespace, mount and exec call that dockling says it
/// made appears in `strace -ff` output with the same arguments and result.
final class TraceTruthSystemTests: XCTestCase {
    static let checkedCalls: Set<String> = ["unshare", "clone", "setns", "mount", "umount2", "pivot_root",
                                            "sethostname", "execve"]

    func testEveryTracedCallAppearsInStrace() throws {
        try Tool.requireRoot()
        try Tool.requireProgram("strace", package: "strace")
        try Tool.requireProgram("busybox", package: "busybox-static")
        let root = try TemporaryRoot("strace")
        let run = try StracedRun("dockling-namespaces", ["--hostname", "traced", "--",
                                                         "sh", "-c", "mount -t tmpfs scratch /mnt && hostname"],
                                 calls: Self.checkedCalls, root: root)
        XCTAssertEqual(run.result.status, 0, run.result.stderr)
        XCTAssertEqual(run.result.stdout, "traced\n")
        let calls = Set(run.events.map(\.call))
        for call in ["clone", "mount", "umount2", "pivot_root", "sethostname", "execve"] {
            XCTAssertTrue(calls.contains(call), "the trace has no \(call) event")
        }
        run.checkEveryEventIsInStrace()
    }
}
