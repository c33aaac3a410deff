import Foundation
import XCTest

/// -i, stdout/stderr separation, attach from several clients, exec, and 10 MB byte for byte.
final class StdioSystemTests: XCTestCase {
    private var store: SystemStore!
    private var root: TemporaryRoot { store.root }
    private var cli: DocklingCLI { store.cli }

    override func setUpWithError() throws {
        store = try SystemStore("stdio")
    }

    override func tearDownWithError() throws {
        try store?.clean()
    }

    func testInteractiveCopiesStdinAndWithoutItStdinIsEmpty() throws {
        XCTAssertEqual(try cli.run(["run", "-i", "--rm", "busybox", "cat"], stdin: "hello\n").stdout, "hello\n")
        let closed = try cli.run(["run", "--rm", "busybox", "cat"], stdin: "hello\n")
        XCTAssertEqual(closed.status, 0)
        XCTAssertEqual(closed.stdout, "")
    }

    func testStdoutAndStderrStayApart() throws {
        let result = try cli.run(["run", "--rm", "busybox", "sh", "-c", "echo out; echo err >&2"])
        XCTAssertEqual(result.stdout, "out\n")
        XCTAssertEqual(result.stderr, "err\n")
    }

    func testTenMegabytesArriveByteForByteAttachedAndDetached() throws {
        let data = try TemporaryRoot("payload")
        let file = data.path + "/payload.txt"
        var bytes = [UInt8](repeating: 0, count: 7_500_000)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
        try Data(bytes).base64EncodedString(options: .lineLength76Characters).appending("\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let expected = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertGreaterThan(expected.utf8.count, 10_000_000)
        let attached = try cli.run(["run", "--rm", "-v", "\(file):/payload:ro", "busybox", "cat", "/payload"])
        XCTAssertTrue(attached.stdout == expected, "attached output differs (\(attached.stdout.utf8.count) bytes)")
        try cli.run(["run", "-d", "--name", "big", "-v", "\(file):/payload:ro", "busybox", "cat", "/payload"])
        XCTAssertTrue(try waitUntil { try self.cli.status("big").hasPrefix("Exited (0)") })
        let logged = try cli.run(["logs", "big"])
        XCTAssertTrue(logged.stdout == expected, "logged output differs (\(logged.stdout.utf8.count) bytes)")
    }

    func testSeveralAttachedClientsAllSeeTheOutputInOrder() throws {
        try cli.run(["run", "-d", "--name", "talker", "busybox", "sh", "-c", "sleep 1; echo first; echo second >&2; echo third"])
        let clients = (0..<2).map { _ in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Tool.path("dockling"))
            process.arguments = ["attach", "talker"]
            process.environment = Tool.childEnvironment(root.environment)
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            return (process, out)
        }
        for (process, _) in clients { try process.run() }
        for (process, out) in clients {
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(text, "first\nthird\n")
            XCTAssertEqual(process.terminationStatus, 0)
        }
        let logs = try cli.run(["logs", "talker"])
        XCTAssertEqual(logs.stdout, "first\nthird\n")
        XCTAssertEqual(logs.stderr, "second\n")
    }

    func testExecSeesTheContainerAndEndsWithIt() throws {
        try cli.run(["run", "-d", "--name", "box", "--hostname", "inside", "busybox", "sh", "-c",
                     "echo here > /note; exec sleep 300"])
        XCTAssertTrue(try waitUntil { try self.cli.run(["exec", "box", "cat", "/note"]).stdout == "here\n" })
        XCTAssertEqual(try cli.run(["exec", "box", "hostname"]).stdout, "inside\n")
        XCTAssertEqual(try cli.run(["exec", "box", "cat", "/proc/1/cmdline"]).stdout, "sleep\u{0}300\u{0}")
        XCTAssertEqual(try cli.run(["exec", "-e", "GREETING=hi", "box", "sh", "-c", "echo $GREETING; exit 6"]).status, 6)
        let long = Process()
        long.executableURL = URL(fileURLWithPath: Tool.path("dockling"))
        long.arguments = ["exec", "box", "sleep", "299"]
        long.environment = Tool.childEnvironment(root.environment)
        try long.run()
        XCTAssertTrue(try waitUntil { try self.cli.run(["top", "box"]).stdout.contains("sleep 299") })
        try cli.run(["stop", "-t", "1", "box"])
        long.waitUntilExit()
        XCTAssertEqual(long.terminationStatus, 137, "the exec'd process dies with the container's PID 1")
        XCTAssertEqual(try cli.run(["exec", "box", "true"]).status, 125)
    }

    private func waitUntil(_ condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if try condition() { return true }
            usleep(50_000)
        }
        return false
    }
}
