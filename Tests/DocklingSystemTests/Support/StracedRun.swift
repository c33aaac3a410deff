import DocklingCore
import Foundation
import XCTest

/// One of dockling's executables run under `strace -ff -ttt` with dockling's JSON trace
/// on, both read back, to check that the trace is true and in order. One strace file per
/// process (-ff): with -f into one file, a call another process interrupts is split into
/// "<unfinished ...>" and "<... resumed>" halves.
struct StracedRun {
    /// One call strace saw: the process (its host pid, from the file's name), when it
    /// entered the kernel, and the line without its time stamp.
    struct StraceCall {
        let pid: Int32
        let time: Double
        let line: String
    }

    let result: ToolResult
    let straceCalls: [StraceCall]
    var straceLines: [String] { straceCalls.map(\.line) }
    /// dockling's trace events of the calls given to strace, in the order they happened.
    let events: [TraceEvent]

    init(_ tool: String, _ arguments: [String], calls: Set<String>, root: TemporaryRoot,
         environment: [String: String] = [:]) throws {
        let traceFile = root.path + "/trace.json"
        result = try Tool.exec("/usr/bin/strace", [
            "-ff", "-ttt", "-s", "4096", "-o", root.path + "/strace", "-e", "trace=" + calls.sorted().joined(separator: ","),
            Tool.path(tool),
        ] + arguments, environment: root.environment.merging(["DOCKLING_TRACE": "json", "DOCKLING_TRACE_FILE": traceFile]) { $1 }
            .merging(environment) { $1 })
        straceCalls = try FileManager.default.contentsOfDirectory(atPath: root.path)
            .filter { $0.hasPrefix("strace.") }
            .flatMap { name in
                let pid = Int32(name.dropFirst("strace.".count)) ?? 0
                return try String(contentsOfFile: root.path + "/" + name, encoding: .utf8).split(separator: "\n")
                    .compactMap { Self.call($0, pid: pid) }
            }
        events = try String(contentsOfFile: traceFile, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(TraceEvent.self, from: Data($0.utf8)) }
            .filter { calls.contains($0.call) }
            .sorted(by: TraceEvent.happenedBefore)
    }

    /// `1733512345.123456 mount(...) = 0` read apart.
    private static func call(_ text: Substring, pid: Int32) -> StraceCall? {
        let parts = text.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, let time = Double(parts[0]) else { return nil }
        return StraceCall(pid: pid, time: time, line: String(parts[1]))
    }

    /// Fails the test for each traced call strace did not see as traced.
    func checkEveryEventIsInStrace(file: StaticString = #filePath, line: UInt = #line) {
        for event in events {
            XCTAssertTrue(straceLines.contains { Self.line($0, matches: event) },
                          "strace has no line for traced \(event.call)(\(event.args.joined(separator: ", "))) = \(event.result.map(String.init) ?? "?")",
                          file: file, line: line)
        }
    }

    /// Each event paired with the call strace saw: in the trace's order, the earliest
    /// matching call not yet taken.
    func matched() -> [(event: TraceEvent, call: StraceCall)] {
        var taken = Set<Int>()
        var pairs: [(TraceEvent, StraceCall)] = []
        for event in events {
            let candidates = straceCalls.indices.filter { !taken.contains($0) && Self.line(straceCalls[$0].line, matches: event) }
            guard let index = candidates.min(by: { straceCalls[$0].time < straceCalls[$1].time }) else { continue }
            taken.insert(index)
            pairs.append((event, straceCalls[index]))
        }
        return pairs
    }

    /// Fails the test when the trace's order contradicts strace's: two calls of one
    /// process must come in strace's order exactly; calls of two processes may differ
    /// by at most `tolerance` seconds, since strace stamps a call when it gets round to
    /// it, a little after dockling read the clock.
    func checkOrder(tolerance: Double, file: StaticString = #filePath, line: UInt = #line) {
        let pairs = matched()
        XCTAssertEqual(pairs.count, events.count, "every traced call is found in strace", file: file, line: line)
        for (i, earlier) in pairs.enumerated() {
            for later in pairs[(i + 1)...] {
                let allowed = earlier.call.pid == later.call.pid ? 0 : tolerance
                XCTAssertLessThanOrEqual(earlier.call.time, later.call.time + allowed,
                                         "the trace puts \(earlier.event.straceLine) [\(earlier.call.pid)] before "
                                            + "\(later.event.straceLine) [\(later.call.pid)], strace the other way",
                                         file: file, line: line)
            }
        }
    }

    /// The position in the trace's order of the first event `matching` says yes to.
    func index(of matching: (TraceEvent) -> Bool, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        try XCTUnwrap(events.firstIndex(where: matching), "no such event in the trace", file: file, line: line)
    }

    /// strace prints `call(args) = result`; clone and execve carry extra pointer
    /// arguments strace alone can see, so those match on the arguments dockling knows
    /// (a clone's stack address is `…` in the trace). An event with no result (an
    /// execve announced but never reported) matches nothing: strace always has one.
    static func line(_ line: String, matches event: TraceEvent) -> Bool {
        // strace pads the result column: `call(args)      = result`.
        guard let eventResult = event.result, line.hasPrefix(event.call + "("),
              let equals = line.range(of: #"\)\s+= "#, options: [.regularExpression, .backwards]) else {
            return false
        }
        let args = String(line[line.index(line.startIndex, offsetBy: event.call.count + 1)..<equals.lowerBound])
        let result = line[equals.upperBound...].split(separator: " ").first.map(String.init) ?? ""
        let resultMatches = event.errno == nil ? result == String(eventResult) : line.contains("= -1 \(event.errno!) ")
        switch event.call {
        case "clone":
            let stack = args.replacingOccurrences(of: #"child_stack=0x[0-9a-f]+"#, with: "child_stack=…",
                                                  options: .regularExpression)
            return resultMatches && stack.hasPrefix(event.args.joined(separator: ", "))
        case "execve":
            return resultMatches && event.args.count == 3 && args.hasPrefix(event.args.prefix(2).joined(separator: ", "))
                && args.hasSuffix(event.args[2])
        default:
            return resultMatches && args == event.args.joined(separator: ", ")
        }
    }
}
