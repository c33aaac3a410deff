@testable import DocklingCore
import XCTest

/// The view a person reads: merged by time, one heading a step, folded, shortened,
/// fitted — and never a line that is not an event or a count of events.
final class TraceViewTests: XCTestCase {
    private func call(_ call: String, _ args: [String], pid: Int32 = 1, step: String = "security", time: UInt64,
                      result: Int = 0, errno: String? = nil, note: String = "why") -> TraceEvent {
        TraceEvent(pid: pid, step: step, call: call, args: args, result: errno == nil ? result : -1, errno: errno,
                   note: note, time: time, seq: Int(time))
    }

    private var capabilityDrops: [TraceEvent] {
        (0..<27).map { call("prctl", ["PR_CAPBSET_DROP", "CAP_\($0)"], time: 100 + UInt64($0)) }
    }

    func testALongRunFoldsIntoOneLineThatCountsItAndShowsTheFirstAndLast() {
        let lines = TraceView.render(events: capabilityDrops, width: 160, whole: false)
        XCTAssertEqual(lines.count, 2, "\(lines)")
        XCTAssertEqual(lines[0], "security — 27 calls")
        XCTAssertTrue(lines[1].hasPrefix("  [1] 27 × prctl(PR_CAPBSET_DROP, …) = 0    # first CAP_0, last CAP_26"), lines[1])
    }

    func testShortRunsAndFailuresAreNotFolded() {
        let dups = (0..<3).map { call("dup2", ["\($0 + 5)", "\($0)"], step: "stdio", time: 10 + UInt64($0), result: $0) }
        XCTAssertEqual(TraceItem.folding(dups).count, 3)
        var drops = capabilityDrops
        drops[10] = call("prctl", ["PR_CAPBSET_DROP", "CAP_10"], time: 110, errno: "EPERM")
        let items = TraceItem.folding(drops)
        XCTAssertEqual(items.map(\.events.count), [10, 1, 16], "the failure splits the run and stands alone")
        XCTAssertEqual(items.flatMap(\.events), drops, "folding keeps every event, in order")
    }

    func testEventsOfSeveralProcessesMergeByTimeUnderOneHeadingAStep() {
        let events = [
            call("mkdir", ["\"/sys/fs/cgroup/a\"", "0755"], pid: 20, step: "cgroups", time: 30),
            call("clone", ["flags=SIGCHLD"], pid: 10, step: "launch", time: 10, result: 20),
            call("execve", ["\"/bin/init\"", "[\"init\"]", "/* 1 vars */"], pid: 20, step: "launch", time: 20),
            call("rmdir", ["\"/sys/fs/cgroup/a\""], pid: 20, step: "cgroups", time: 50),
            call("wait4", ["20"], pid: 10, step: "launch", time: 40, result: 20),
        ]
        let lines = TraceView.render(events: events, width: 160, whole: true)
        XCTAssertEqual(lines.map { $0.components(separatedBy: "    #")[0] }, [
            "launch — 3 calls",
            "  [10] clone(flags=SIGCHLD) = 20",
            "  [20] execve(\"/bin/init\", [\"init\"], /* 1 vars */) = 0",
            "  [10] wait4(20) = 20",
            "cgroups — 2 calls",
            "  [20] mkdir(\"/sys/fs/cgroup/a\", 0755) = 0",
            "  [20] rmdir(\"/sys/fs/cgroup/a\") = 0",
        ])
    }

    func testTheDefaultViewShowsTheTellingCallsAndCountsWhatItLeavesOut() {
        let events = (0..<6).map { call("openat", ["AT_FDCWD", "\"/f\($0)\"", "O_RDONLY"], step: "rootfs", time: UInt64($0 * 2), result: 3) }
            + [call("pivot_root", ["\".\"", "\".\""], step: "rootfs", time: 5),
               call("close", ["3"], step: "rootfs", time: 20)]
        let lines = TraceView.render(events: events, width: 160, whole: false, height: 4)
        XCTAssertEqual(lines[0], "rootfs — 8 calls; not shown: 4 × openat, close", "two openat shown beside pivot_root")
        XCTAssertEqual(lines.count, 1 + TraceView.stepLines)
        XCTAssertTrue(lines.contains { $0.contains("pivot_root(\".\", \".\") = 0") }, "\(lines)")
        XCTAssertEqual(TraceView.render(events: events, width: 160, whole: true).count, 1 + events.count)
    }

    func testSpareScreenLinesGoToTheStepsThatNeedThem() {
        XCTAssertEqual(TraceView.budgets(needs: [1, 10, 10], room: 10), [1, 5, 4])
        XCTAssertEqual(TraceView.budgets(needs: [2, 8], room: 3), [2, 1], "a short screen: a line a step, then the spare")
        XCTAssertEqual(TraceView.budgets(needs: [5, 5], room: 0), [1, 1], "never less than a line a step")
        XCTAssertEqual(TraceView.budgets(needs: [2, 8], room: 40), [2, 8])
    }

    func testIDsAreShortenedAndStorePathsRelative() {
        let id = String(repeating: "3f2a", count: 16)
        let shortening = TraceShortening(storeRoot: "/tmp/store")
        XCTAssertEqual(shortening.apply("\"/tmp/store/containers/\(id)/merged\", \"/tmp/store\""),
                       "\"<store>/containers/3f2a3f2a3f2a/merged\", \"<store>\"")
        XCTAssertEqual(TraceShortening.shortenIDs("dockling-\(id)0"), "dockling-\(id)0", "65 digits are not an id")
        XCTAssertEqual(TraceShortening.shortenIDs("sha256:\(id)"), "sha256:3f2a3f2a3f2a")
    }

    func testLinesFitTheWidthCuttingTheNoteFirstAndKeepingTheResult() {
        let short = TraceLineFit(width: 50).fit(head: "  [1] chdir(\"/\")", result: " = 0",
                                                note: "step onto the new root, the host is gone")
        XCTAssertEqual((short.call + short.note).count, 50)
        XCTAssertTrue(short.note.hasSuffix("…"))
        let long = TraceLineFit(width: 40).fit(head: "  [1] mount(\"overlay\", \"/a/very/long/path/to/merged\")", result: " = 0", note: "why")
        XCTAssertEqual(long.note, "")
        XCTAssertEqual(long.call.count, 40)
        XCTAssertTrue(long.call.hasSuffix("…) = 0"), long.call)
        let lines = TraceView.render(events: capabilityDrops + [call("seccomp", [String(repeating: "x", count: 300)], time: 1)],
                                     width: 60, whole: true)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 60 }, "\(lines)")
    }

    func testTheTrampolineChildsCallsAreStampedBetweenItsCloneAndItsExec() {
        var clocks = ChildClocks()
        clocks.spawned(42, at: 1_000)
        let calls = (0..<3).compactMap { _ in clocks.nextCall(42) }
        XCTAssertEqual(calls, [1_001, 1_002, 1_003])
        XCTAssertEqual(clocks.exec(42), 1_000 + ChildClocks.execOffset)
        XCTAssertNil(clocks.nextCall(7), "a child we did not start has no clone to go by")
    }

    func testTheViewReadsATraceFileSkippingWhatIsNotAnEvent() {
        let text = capabilityDrops.map { $0.jsonLine() }.joined() + "not an event\n"
        XCTAssertEqual(TraceView.render(text: text, width: 160, whole: true).count, 28)
    }
}
