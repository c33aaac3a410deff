import Foundation
import XCTest

/// `dockling-namespaces` on the real kernel: what the command sees inside, and what the
/// host sees afterwards.
final class NamespacesSystemTests: XCTestCase {
    private var root: TemporaryRoot!

    override func setUpWithError() throws {
        try Tool.requireRoot()
        try Tool.requireProgram("busybox", package: "busybox-static")
        root = try TemporaryRoot("ns")
    }

    private func inside(_ script: String, _ flags: [String] = []) throws -> ToolResult {
        try Tool.run("dockling-namespaces", flags + ["--", "sh", "-c", script], environment: root.environment)
    }

    func testTheCommandIsPID1AndSeesOnlyItsOwnProcesses() throws {
        // The final `true` stops sh from exec-ing ps in its own place.
        let result = try inside("echo $$; ps -o pid,comm; true")
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(lines.count, 4, "ps saw processes outside the container: \(lines)")
        XCTAssertEqual(lines.first, "1")
        XCTAssertEqual(lines.dropFirst().first, "PID   COMMAND")
        XCTAssertEqual(lines.dropFirst(2).first, "1 sh")
        XCTAssertTrue(lines.last?.hasSuffix(" ps") == true, "\(lines)")
    }

    func testTheHostnameChangesOnlyInside() throws {
        let host = ProcessInfo.processInfo.hostName
        let result = try inside("hostname", ["--hostname", "classroom"])
        XCTAssertEqual(result.stdout, "classroom\n")
        XCTAssertEqual(ProcessInfo.processInfo.hostName, host)
        XCTAssertEqual(try String(contentsOfFile: "/proc/sys/kernel/hostname", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines), host)
    }

    func testOnlyLoopbackExistsAndItIsUp() throws {
        let result = try inside("ls /sys/class/net; cat /sys/class/net/lo/operstate /sys/class/net/lo/flags")
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "lo")
        XCTAssertEqual(lines.last.map { Int($0.dropFirst(2), radix: 16)! & 1 }, 1, "lo is not IFF_UP")
    }

    func testAMountInsideIsInvisibleOutside() throws {
        let marker = "dockling-test-\(UUID().uuidString.prefix(8))"
        let before = try Tool.mounts(involving: marker)
        let result = try inside("mount -t tmpfs \(marker) /mnt && grep -c \(marker) /proc/mounts")
        XCTAssertEqual(result.stdout, "1\n", result.stderr)
        XCTAssertEqual(before, [])
        XCTAssertEqual(try Tool.mounts(involving: marker), [], "the container's mount is visible on the host")
    }

    func testContainerRootIsAnUnprivilegedHostUser() throws {
        let result = try inside("id -u; cat /proc/self/uid_map")
        XCTAssertEqual(result.status, 0)
        let words = result.stdout.split(whereSeparator: \.isWhitespace)
        XCTAssertEqual(words, ["0", "0", "100000", "65536"])
        XCTAssertTrue(result.stderr.contains("container root is host uid 100000"), result.stderr)
    }

    func testTheReportShowsNewAndSharedNamespaces() throws {
        let result = try Tool.run("dockling-namespaces", ["--uts", "--", "true"], environment: root.environment)
        let uts = try XCTUnwrap(result.stderr.split(separator: "\n").first { $0.hasPrefix("  uts ") })
        let pid = try XCTUnwrap(result.stderr.split(separator: "\n").first { $0.hasPrefix("  pid ") })
        XCTAssertTrue(uts.contains("new: the hostname"), String(uts))
        XCTAssertTrue(pid.contains("shared with the host"), String(pid))
        let inodes = uts.split(separator: " ").dropFirst().prefix(2)
        XCTAssertNotEqual(inodes.first, inodes.last)
    }

    func testExitCodesPassThrough() throws {
        XCTAssertEqual(try inside("exit 3").status, 3)
        XCTAssertEqual(try inside("exit 0").status, 0)
        // Without a PID namespace the shell is not PID 1, so its own SIGTERM kills it.
        XCTAssertEqual(try inside("kill -TERM $$", ["--uts"]).status, 143)
        let missing = try Tool.run("dockling-namespaces", ["--", "no-such-command"], environment: root.environment)
        XCTAssertEqual(missing.status, 127)
        XCTAssertTrue(missing.stderr.contains("executable file not found in $PATH"), missing.stderr)
        XCTAssertEqual(try Tool.run("dockling-namespaces", ["--", "/etc/passwd"], environment: root.environment).status, 126)
    }

    func testBadInputIsRefusedWith125() throws {
        let cases: [([String], String)] = [
            (["--bogus", "--", "true"], "Unknown option '--bogus'"),
            ([], "no command given"),
            (["--rootfs", "/no/such/dir", "--", "true"], "does not exist"),
            (["--rootfs", "/etc/hostname", "--", "true"], "is not a directory"),
            (["--hostname", String(repeating: "h", count: 65), "--", "true"], "1 to 64 bytes"),
        ]
        for (arguments, message) in cases {
            let result = try Tool.run("dockling-namespaces", arguments, environment: root.environment)
            XCTAssertEqual(result.status, 125, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
