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

    // MARK: In order

    /// How far apart two processes' calls may be stamped by strace against dockling's
    /// order: strace stamps a call when it gets round to the process, after dockling
    /// read the clock, and the machine is shared. One process's calls allow nothing.
    static let crossProcessTolerance = 0.02

    /// The trampoline child's dup2 calls are reported by the parent after the exec, yet
    /// come before the execve, as strace saw them.
    func testTheStdioTraceIsInTheOrderStraceSaw() throws {
        let root = try TemporaryRoot("strace-order-stdio")
        let run = try StracedRun("dockling-stdio", ["--", "true"], calls: ["clone", "dup2", "execve", "wait4"], root: root)
        XCTAssertEqual(run.result.status, 0, run.result.stderr)
        run.checkEveryEventIsInStrace()
        run.checkOrder(tolerance: Self.crossProcessTolerance)
        let exec = try run.index { $0.call == "execve" && $0.args.first == #""/usr/bin/true""# }
        let dups = run.events.indices.filter { run.events[$0].call == "dup2" }
        XCTAssertEqual(dups.count, 3, "\(run.events)")
        XCTAssertTrue(dups.allSatisfy { $0 < exec }, "every dup2 before the execve: \(run.events.map(\.straceLine))")
        XCTAssertLessThan(try run.index { $0.call == "clone" }, dups[0], "the clone before what its child did")
    }

    /// A whole run: dockling, dockling-init, the container's PID 1 — merged in the order
    /// strace saw their calls; dockling-init's cgroup mkdir after the execve that started it.
    func testARunIsInTheOrderStraceSaw() throws {
        let store = try SystemStore("strace-order-run")
        defer { try? store.clean() }
        try store.cli.run(["images"])
        let calls: Set<String> = ["clone", "execve", "mkdir", "unshare", "setns", "mount", "pivot_root",
                                  "sethostname", "dup2", "rmdir", "wait4"]
        let run = try StracedRun("dockling", ["run", "--rm", "busybox", "true"], calls: calls, root: store.root)
        XCTAssertEqual(run.result.status, 0, run.result.stderr)
        run.checkEveryEventIsInStrace()
        run.checkOrder(tolerance: Self.crossProcessTolerance)
        let initExec = try run.index { $0.call == "execve" && $0.args.dropFirst().first?.hasPrefix(#"["dockling-init""#) == true }
        let cgroup = try run.index { $0.call == "mkdir" && $0.step == "cgroups" }
        XCTAssertLessThan(initExec, cgroup, "dockling-init makes its cgroup after it starts: \(run.events.map(\.straceLine))")
        XCTAssertEqual(run.events[initExec].pid, run.events[cgroup].pid)
        let command = try run.index { $0.call == "execve" && $0.args.first == #""/bin/true""# }
        let pivot = try run.index { $0.call == "pivot_root" }
        XCTAssertLessThan(pivot, command)

        // The whole view shows each of these events once, under its step's heading, the
        // steps in the order they began and each step's events in the order they happened.
        let whole = TraceView.render(events: run.events, width: 400, whole: true, storeRoot: store.root.path)
            .filter { $0.hasPrefix("  ") }
        var steps: [String] = []
        for event in run.events where !steps.contains(event.step) { steps.append(event.step) }
        let grouped = steps.flatMap { step in run.events.filter { $0.step == step } }
        XCTAssertEqual(whole.count, grouped.count)
        for (line, event) in zip(whole, grouped) {
            XCTAssertTrue(line.hasPrefix("  [\(event.pid)] \(event.call)("), "\(line) is \(event.straceLine)")
        }
    }

    // MARK: The view

    /// The lesson's eleven steps, each a heading, on one 160×45 screen.
    func testTheDefaultViewOfARunShowsTheElevenStepsOnOneScreen() throws {
        let store = try SystemStore("trace-view")
        defer { try? store.clean() }
        try store.cli.run(["images"])
        let traced = try Tool.exec(Tool.path("dockling"), ["run", "--trace", "--rm", "busybox", "true"],
                                   environment: store.root.environment.merging(["COLUMNS": "160", "LINES": "45"]) { $1 })
        XCTAssertEqual(traced.status, 0, traced.stderr)
        let lines = traced.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertLessThanOrEqual(lines.count, 45, traced.stderr)
        XCTAssertLessThanOrEqual(lines.map(\.count).max() ?? 0, 160, traced.stderr)
        let headings = lines.filter { !$0.hasPrefix(" ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
        XCTAssertEqual(Set(headings), ["launch", "images", "create", "cgroups", "namespaces", "union", "rootfs",
                                       "security", "exec", "stdio", "state"], traced.stderr)
        XCTAssertEqual(headings.count, 11, "one heading a step: \(traced.stderr)")
        XCTAssertTrue(traced.stderr.contains("27 × prctl(PR_CAPBSET_DROP, …) = 0"), traced.stderr)
        XCTAssertTrue(traced.stderr.contains("<store>/containers/"), "store paths are relative: \(traced.stderr)")
        XCTAssertFalse(traced.stderr.contains(store.root.path), traced.stderr)
    }
}
