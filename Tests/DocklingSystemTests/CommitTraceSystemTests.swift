import Foundation
import XCTest

/// The pause of a commit is traced truly: the signal mask, and the open and write of the
/// freezer file, appear in `strace` exactly as the trace tells a learner they happened.
final class CommitTraceSystemTests: XCTestCase {
    static let checkedCalls: Set<String> = ["rt_sigprocmask", "openat", "write"]

    func testTheFreezeAndThawAppearInStrace() throws {
        try Tool.requireRoot()
        try Tool.requireProgram("strace", package: "strace")
        let root = try TemporaryRoot("commit-strace")
        let cli = DocklingCLI(root: root)
        XCTAssertEqual(try cli.run(["run", "-d", "--name", "sleeper", "busybox", "sleep", "600"]).status, 0)
        defer { _ = try? cli.run(["rm", "-f", "sleeper"]) }

        let traceFile = root.path + "/trace.json"
        // One file per process (-ff): with -f into one file, a call another process
        // interrupts is split into "<unfinished ...>" and "<... resumed>" halves.
        let straceBase = root.path + "/strace"
        let result = try Tool.exec("/usr/bin/strace", [
            "-ff", "-s", "4096", "-o", straceBase, "-e", "trace=" + Self.checkedCalls.sorted().joined(separator: ","),
            Tool.path("dockling"), "commit", "sleeper", "slept:1",
        ], environment: root.environment.merging(["DOCKLING_TRACE": "json", "DOCKLING_TRACE_FILE": traceFile]) { $1 })
        XCTAssertEqual(result.status, 0, result.stderr)

        let straceLines = try FileManager.default.contentsOfDirectory(atPath: root.path)
            .filter { $0.hasPrefix("strace.") }
            .flatMap { try String(contentsOfFile: root.path + "/" + $0, encoding: .utf8).split(separator: "\n") }
            .map(String.init)
        let events = try String(contentsOfFile: traceFile, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(TraceTruthSystemTests.Event.self, from: Data($0.utf8)) }
            .filter { Self.checkedCalls.contains($0.call) }
        let freezerWrites = events.filter { $0.call == "write" }.map { $0.args[1] }
        XCTAssertTrue(freezerWrites == [#""FROZEN""#, #""THAWED""#] || freezerWrites == [#""1""#, #""0""#], "\(freezerWrites)")
        XCTAssertEqual(events.filter { $0.call == "rt_sigprocmask" }.count, 2)
        for event in events {
            XCTAssertTrue(straceLines.contains { TraceTruthSystemTests.line($0, matches: event) },
                          "strace has no line for traced \(event.call)(\(event.args.joined(separator: ", ")))")
        }
    }
}
