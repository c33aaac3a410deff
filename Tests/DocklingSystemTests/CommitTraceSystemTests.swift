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

        let run = try StracedRun("dockling", ["commit", "sleeper", "slept:1"], calls: Self.checkedCalls, root: root)
        XCTAssertEqual(run.result.status, 0, run.result.stderr)
        let freezerWrites = run.events.filter { $0.call == "write" }.map { $0.args[1] }
        XCTAssertTrue(freezerWrites == [#""FROZEN""#, #""THAWED""#] || freezerWrites == [#""1""#, #""0""#], "\(freezerWrites)")
        XCTAssertEqual(run.events.filter { $0.call == "rt_sigprocmask" }.count, 2)
        run.checkEveryEventIsInStrace()
    }
}
