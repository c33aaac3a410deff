@testable import DocklingCore
import FoundationEssentials
import XCTest

final class TraceEventTests: XCTestCase {
    private let event = TraceEvent(pid: 7, step: "rootfs", call: "mount",
                                   args: ["\"proc\"", "\"/proc\"", "\"proc\"", "MS_NOSUID", "NULL"],
                                   result: 0, errno: nil, note: "a fresh /proc")

    func testStraceLineForSuccessFailureAndNoReturn() {
        XCTAssertEqual(event.straceLine, "mount(\"proc\", \"/proc\", \"proc\", MS_NOSUID, NULL) = 0")
        var failed = event
        failed.result = -1
        failed.errno = "EPERM"
        XCTAssertEqual(failed.straceLine, "mount(\"proc\", \"/proc\", \"proc\", MS_NOSUID, NULL) = -1 EPERM")
        var pending = event
        pending.result = nil
        XCTAssertTrue(pending.straceLine.hasSuffix(") ..."))
    }

    /// A successful execve never returns: its event comes from the process that saw it
    /// happen, with the result strace shows.
    func testAReportedExecCarriesItsResultAsStraceShowsIt() throws {
        let args = Kernel.execArgs(quotedPath: StraceFormat.quote("/bin/sh"), argv: ["sh", "-c", "true"], environmentCount: 3)
        let ok = TraceEvent(pid: 1, step: "exec", call: "execve", args: args, result: 0, errno: nil, note: "")
        XCTAssertEqual(ok.straceLine, #"execve("/bin/sh", ["sh", "-c", "true"], /* 3 vars */) = 0"#)
        let failed = TraceEvent(pid: 1, step: "exec", call: "execve", args: args, result: -1, errno: "EACCES", note: "")
        XCTAssertEqual(failed.straceLine, #"execve("/bin/sh", ["sh", "-c", "true"], /* 3 vars */) = -1 EACCES"#)
    }

    func testJSONLineHasTheContractFields() throws {
        let line = event.jsonLine()
        XCTAssertTrue(line.hasSuffix("\n"))
        XCTAssertEqual(line.filter { $0 == "\n" }.count, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(object["pid"] as? Int, 7)
        XCTAssertEqual(object["call"] as? String, "mount")
        XCTAssertEqual(object["args"] as? [String], event.args)
        XCTAssertEqual(object["result"] as? Int, 0)
        XCTAssertEqual(object["note"] as? String, "a fresh /proc")
        XCTAssertEqual(try JSONDecoder().decode(TraceEvent.self, from: Data(line.utf8)), event)
    }

    func testARemarkIsAnEventWithNoCall() throws {
        let remark = TraceEvent.remark("cgroup layout: v2", pid: 9, step: "cgroups")
        XCTAssertTrue(remark.isRemark)
        XCTAssertEqual(try JSONDecoder().decode(TraceEvent.self, from: Data(remark.jsonLine().utf8)), remark)
    }

    func testEventsAreOrderedByTimeThenByTheirProcessCount() {
        var a = event, b = event
        (a.time, a.seq, b.time, b.seq) = (10, 7, 10, 8)
        XCTAssertTrue(TraceEvent.happenedBefore(a, b))
        b.time = 9
        XCTAssertTrue(TraceEvent.happenedBefore(b, a))
    }

    func testTraceModeParsing() {
        XCTAssertEqual(TraceMode(flagValue: ""), .human)
        XCTAssertEqual(TraceMode(flagValue: "JSON"), .json)
        XCTAssertEqual(TraceMode(flagValue: "all"), .all)
        XCTAssertEqual(TraceMode(flagValue: "off"), .off)
        XCTAssertNil(TraceMode(flagValue: "loud"))
    }

    func testTracerReadsItsSinkFromTheEnvironment() throws {
        let path = "/tmp/dockling-trace-\(UUID().uuidString)"
        defer { unlink(path) }
        let environment = ["DOCKLING_TRACE": "json", "DOCKLING_TRACE_FILE": path]
        let tracer = Tracer(environment: { environment[$0] })
        XCTAssertEqual(tracer.mode, .json)
        let before = TraceClock.now()
        tracer.emit(event)
        tracer.emit(event)
        close(tracer.fd)
        let written = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(TraceEvent.self, from: Data($0.utf8)) }
        XCTAssertEqual(written.map(\.seq), [1, 2], "each event counted")
        XCTAssertTrue(written.allSatisfy { $0.time >= before && $0.time <= TraceClock.now() }, "stamped when emitted")
        var unstamped = written[0]
        (unstamped.time, unstamped.seq) = (0, 0)
        XCTAssertEqual(unstamped, event)
        XCTAssertEqual(tracer.childEnvironment(childFD: 6),
                       ["DOCKLING_TRACE": "json", "DOCKLING_TRACE_FD": "6"])
        XCTAssertEqual(Tracer(environment: { _ in nil }).mode, .off)
    }
}
