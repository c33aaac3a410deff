import Foundation
import XCTest

/// A trace must be true: every namespace, mount and exec call that dockling says it
/// made appears in `strace -ff` output with the same arguments and result.
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
    }

    /// strace prints `call(args) = result`; clone and execve carry extra pointer
    /// arguments strace alone can see, so those match on the arguments dockling knows
    /// (a clone's stack address is `…` in the trace).
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
            let stack = args.replacingOccurrences(of: #"child_stack=0x[0-9a-f]+"#, with: "child_stack=…",
                                                  options: .regularExpression)
            return resultMatches && stack.hasPrefix(event.args.joined(separator: ", "))
        case "execve":
            return resultMatches && args.hasPrefix(event.args.prefix(2).joined(separator: ", "))
                && args.contains(event.args[2])
        default:
            return resultMatches && args == event.args.joined(separator: ", ")
        }
    }
}
