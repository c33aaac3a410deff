import DocklingCore
import Foundation
import XCTest

/// A trace must be true: every namespace, mount and exec call that dockling says it
/// made appears in `strace -ff` output with the same arguments and result, in the order
/// it happened — an execve too, whose result only the process that saw it happen can give.
final class TraceTruthSystemTests: XCTestCase {
    static let checkedCalls: Set<String> = ["unshare", "clone", "setns", "mount", "umount2", "pivot_root",
                                            "sethostname", "execve"]

    override func setUpWithError() throws {
        try Tool.requireRoot()
        try Tool.requireProgram("strace", package: "strace")
        try Tool.requireProgram("busybox", package: "busybox-static")
    }

    func testEveryTracedCallAppearsInStrace() throws {
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
        // The command's execve comes last, with its result: after everything PID 1 did first.
        let exec = try XCTUnwrap(run.events.lastIndex { $0.call == "execve" && $0.args.first == #""/bin/sh""# })
        XCTAssertEqual(run.events[exec].result, 0, "\(run.events[exec])")
        XCTAssertEqual(run.events[exec].step, "exec")
        let hostname = try XCTUnwrap(run.events.firstIndex { $0.call == "sethostname" })
        XCTAssertLessThan(hostname, exec, "the trace keeps the order of events")
    }

    /// A failed exec is traced by the process that made it, with the errno strace shows,
    /// and no success is claimed for it.
    func testAFailedExecIsTracedWithItsErrno() throws {
        let root = try TemporaryRoot("strace-failed")
        let run = try StracedRun("dockling-namespaces", ["--", "/etc/passwd"], calls: ["execve"], root: root)
        XCTAssertEqual(run.result.status, 126, run.result.stderr)
        let passwd = run.events.filter { $0.args.first == #""/etc/passwd""# }
        XCTAssertEqual(passwd.map(\.errno), ["EACCES"], "\(passwd)")
        XCTAssertEqual(passwd.map(\.result), [-1])
        run.checkEveryEventIsInStrace()
    }

    /// With --init, PID 1 stays a reaper and its child execs the command: that execve
    /// gets its result too.
    func testTheCommandOfAnInitContainerIsTracedWithItsResult() throws {
        let store = try SystemStore("strace-init")
        defer { try? store.clean() }
        try store.cli.run(["images"])
        let run = try StracedRun("dockling", ["run", "--rm", "--init", "busybox", "echo", "reaped"],
                                 calls: ["execve"], root: store.root)
        XCTAssertEqual(run.result.status, 0, run.result.stderr)
        XCTAssertEqual(run.result.stdout, "reaped\n")
        let command = run.events.filter { $0.args.dropFirst().first == #"["echo", "reaped"]"# }
        XCTAssertEqual(command.map(\.result), [0], "\(command)")
        run.checkEveryEventIsInStrace()
    }
}
