import DocklingCore
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
    let events: [TraceEvent]

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
            .map { try JSONDecoder().decode(TraceEvent.self, from: Data($0.utf8)) }
            .filter { calls.contains($0.call) }
    }

    /// Fails the test for each traced call strace did not see as traced.
    func checkEveryEventIsInStrace(file: StaticString = #filePath, line: UInt = #line) {
        for event in events {
            XCTAssertTrue(straceLines.contains { Self.line($0, matches: event) },
                          "strace has no line for traced \(event.call)(\(event.args.joined(separator: ", "))) = \(event.result.map(String.init) ?? "?")",
                          file: file, line: line)
        }
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
