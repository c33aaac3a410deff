import Foundation
import XCTest

/// -t under a real terminal: script(1) gives dockling a pty, and a feeder types into it
/// with pauses, as a person would.
final class TerminalSystemTests: XCTestCase {
    private var store: SystemStore!
    private var root: TemporaryRoot { store.root }
    private var cli: DocklingCLI { store.cli }

    override func setUpWithError() throws {
        store = try SystemStore("tty", requiring: [("script", "bsdutils")])
        // Make the image now, so the typed keys do not race its first-use build.
        try cli.run(["run", "--rm", "busybox", "true"])
    }

    override func tearDownWithError() throws {
        try store?.clean()
    }

    /// Runs `command` on a terminal, typing each of `keys` after a pause.
    private func onTerminal(_ command: String, typing keys: [String]) throws -> ToolResult {
        let typing = keys.map { "sleep 1; printf '\($0)'" }.joined(separator: "; ")
        // The feeder stays open a while after the last key, so script(1) does not hang up early.
        return try Tool.exec("/bin/sh", ["-c", "(sleep 1; \(typing); sleep 5) | script -qec \"\(command)\" /dev/null"],
                             environment: root.environment.merging(["PATH": Tool.products.path + ":/usr/sbin:/usr/bin:/sbin:/bin"]) { $1 })
    }

    func testAnInteractiveShellGetsATerminalCtrlCAndItsExitCode() throws {
        let stty = "stty -g > \(root.path)/before; dockling run -it --rm busybox sh; code=\\$?; "
            + "stty -g > \(root.path)/after; exit \\$code"
        let result = try onTerminal("sh -c '\(stty)'", typing: ["tty\\n", "sleep 30\\n", "\\003", "echo after $?\\n", "exit 3\\n"])
        XCTAssertEqual(result.status, 3, result.stdout)
        XCTAssertTrue(result.stdout.contains("/dev/pts/0"), result.stdout)
        XCTAssertTrue(result.stdout.contains("after 130"), "Ctrl-C reached the sleep, not dockling: \(result.stdout)")
        XCTAssertEqual(try String(contentsOfFile: root.path + "/before", encoding: .utf8),
                       try String(contentsOfFile: root.path + "/after", encoding: .utf8), "the terminal is not as it was")
    }

    func testAttachThenCtrlPCtrlQLeavesTheContainerRunning() throws {
        try cli.run(["run", "-d", "-i", "-t", "--name", "shell", "busybox", "sh"])
        let result = try onTerminal("dockling attach shell", typing: ["echo attached-ok\\n", "\\020\\021"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("attached-ok"), result.stdout)
        XCTAssertTrue(try cli.status("shell").hasPrefix("Up "), "detaching stopped the container")
        XCTAssertTrue(try cli.run(["logs", "shell"]).stdout.contains("attached-ok"))
        try cli.run(["kill", "shell"])
    }
}
