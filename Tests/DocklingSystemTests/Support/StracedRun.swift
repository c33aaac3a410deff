import Foundation
import XCTest

/// One of dockling's executables run under `strace -ff` with dockling's JSON trace on,
/// both read back, to check that the trace is true. One strace file per process (-ff):
/// with -f into one file, a call another process interrupts is split into
/// "<unfinished ...>" and "<... resumed>" halves.
struct StracedRun {
    let result: ToolResult
    let straceLines: [String]
    /// dockling's trace events of the calls given to strace.
    let events: [TraceTruthSystemTests.Event]

    init(_ tool: String, _ arguments: [String], calls: Set<String>, root: TemporaryRoot) throws {
        let traceFile = root.path + "/trace.json"
        result = try Tool.exec("/usr/bin/strace", [
            "-ff", "-s", "4096", "-o", root.path + "/strace", "-e", "trace=" + calls.sorted().joined(separator: ","),
            Tool.path(tool),
        ] + arguments, environment: root.environment.merging(["DOCKLING_TRACE": "json", "DOCKLING_TRACE_FILE": traceFile]) { $1 })
        straceLines = try FileManager.default.contentsOfDirectory(atPath: root.path)
            .filter { $0.hasPrefix("strace.") }
            .flatMap { try String(contentsOfFile: root.path + "/" + $0, encoding: .utf8).split(separator: "\n") }
            .map(String.init)
        events = try String(contentsOfFile: traceFile, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(TraceTruthSystemTests.Event.self, from: Data($0.utf8)) }
            .filter { calls.contains($0.call) }
    }

    /// Fails the test for each traced call strace did not see as traced.
    func checkEveryEventIsInStrace(file: StaticString = #filePath, line: UInt = #line) {
        for event in events {
            XCTAssertTrue(straceLines.contains { TraceTruthSystemTests.line($0, matches: event) },
                          "strace has no line for traced \(event.call)(\(event.args.joined(separator: ", ")))",
                          file: file, line: line)
        }
    }
}
