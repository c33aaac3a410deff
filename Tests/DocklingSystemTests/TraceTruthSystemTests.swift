import Foundation
import XCTest

/// A trace must be true: every namespace, mount and exec call that dockling says it
/// made appears in `strace -f` output with the same arguments and result.
final class TraceTruthSystemTests: XCTestCase {
    static let checkedCalls: Set<String> = ["unshare", "clone", "setns", "mount", "umount2", "pivot_root",
                                            "sethostname", "execve"]

    struct Event: Decodable {
        let call: String
        let args: [String]
        let result: Int?
        let errno: String?
    }

    func testEveryTracedCallAppearsInStrace() throws {
        try Tool.requireRoot()
        try Tool.requireProgram("strace", package: "strace")
        try Tool.requireProgram("busybox", package: "busybox-static")
        let root = try TemporaryRoot("strace")
        let traceFile = root.path + "/trace.json"
        let straceBase = root.path + "/strace"
        let result = try Tool.exec("/usr/bin/strace", [
            "-ff", "-s", "4096", "-o", straceBase,
            "-e", "trace=" + Self.checkedCalls.sorted().joined(separator: ","),
            Tool.path("dockling-namespaces"), "--hostname", "traced", "--",
            "sh", "-c", "mount -t tmpfs scratch /mnt && hostname",
        ], environment: root.environment.merging(["DOCKLING_TRACE": "json", "DOCKLING_TRACE_FILE": traceFile]) { $1 })
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "traced\n")

        let straceLines = try FileManager.default.contentsOfDirectory(atPath: root.path)
            .filter { $0.hasPrefix("strace.") }
            .flatMap { try String(contentsOfFile: root.path + "/" + $0, encoding: .utf8).split(separator: "\n") }
            .map(String.init)
        let events = try String(contentsOfFile: traceFile, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(Event.self, from: Data($0.utf8)) }
            .filter { Self.checkedCalls.contains($0.call) }
        let calls = Set(events.map(\.call))
        for call in ["clone", "mount", "umount2", "pivot_root", "sethostname", "execve"] {
            XCTAssertTrue(calls.contains(call), "the trace has no \(call) event")
        }
        for event in events {
            XCTAssertTrue(straceLines.contains { Self.line($0, matches: event) },
                          "strace has no line for traced \(event.call)(\(event.args.joined(separator: ", "))) = \(event.result.map(String.init) ?? "?")")
        }
    }

    /// strace prints `call(args) = result`; clone and execve carry extra pointer
    /// arguments strace alone can see, so those match on the arguments dockling knows.
    static func line(_ line: String, matches event: Event) -> Bool {
        // strace pads the result column: `call(args)      = result`.
        guard line.hasPrefix(event.call + "("),
              let equals = line.range(of: #"\)\s+= "#, options: [.regularExpression, .backwards]) else {
            return false
        }
        let args = String(line[line.index(line.startIndex, offsetBy: event.call.count + 1)..<equals.lowerBound])
        let result = line[equals.upperBound...].split(separator: " ").first.map(String.init) ?? ""
        let resultMatches = event.errno == nil ? result == String(event.result ?? 0) : line.contains("-1 \(event.errno!)")
        switch event.call {
        case "clone":
            return resultMatches && args.hasPrefix(event.args.joined(separator: ", "))
        case "execve":
            return resultMatches && args.hasPrefix(event.args.prefix(2).joined(separator: ", "))
                && args.contains(event.args[2])
        default:
            return resultMatches && args == event.args.joined(separator: ", ")
        }
    }
}
