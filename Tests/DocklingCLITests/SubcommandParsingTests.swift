import ArgumentParser
@testable import dockling
@testable import DocklingCLI
import XCTest

/// A line that names a subcommand is parsed by that subcommand alone; it must mean
/// exactly what it means parsed from `dockling`, the root.
final class SubcommandParsingTests: XCTestCase {
    private let lines: [[String]] = [
        ["run", "--rm", "busybox", "true"],
        ["run", "-d", "--name", "web", "--hostname", "h", "busybox", "httpd", "-f"],
        ["run", "-it", "--rm", "-e", "A=1", "-e", "EDITOR", "-w", "/tmp", "--user", "nobody", "busybox", "sh"],
        ["run", "--memory", "64m", "--memory-swap", "-1", "--pids-limit", "20", "--cpus", "0.5", "busybox", "true"],
        ["run", "--network", "none", "--read-only", "--tmpfs", "/run", "-v", "data:/data", "busybox", "ls"],
        ["run", "--cap-drop", "ALL", "--cap-add", "CHOWN", "--security-opt", "seccomp=unconfined", "busybox", "id"],
        ["run", "--trace", "--name", "t", "busybox", "env", "--trace", "--", "-x"],
        ["run", "--trace=json", "--entrypoint", "/bin/echo", "busybox", "hi"],
        ["create", "--name", "c", "busybox", "echo", "--trace"],
        ["exec", "-e", "A=1", "web", "echo", "--trace"],
        ["ps", "-a", "--trace"], ["images"], ["image", "ls"], ["container", "ls", "-a"],
        ["logs", "-f", "web"], ["rm", "-f", "a", "b"], ["system", "prune", "-f", "--volumes"],
        ["tour", "--check", "--no-pause"], ["history", "busybox", "--trace"], ["stop", "-t", "1", "web"],
    ]

    func testEachLineMeansWhatItMeansFromTheRoot() throws {
        for line in lines {
            let subcommand = try XCTUnwrap(Dockling.configuration.subcommands.first { $0.configuration.commandName == line[0] })
            let alone = try TraceOption.parse(fromRoot: subcommand, Array(line.dropFirst()))
            let fromRoot = try TraceOption.parse(fromRoot: Dockling.self, line)
            XCTAssertEqual(Self.dumped(alone), Self.dumped(fromRoot), "\(line)")
            XCTAssertEqual(String(describing: type(of: alone)), String(describing: type(of: fromRoot)), "\(line)")
        }
    }

    func testMistakesAndHelpAreAnsweredAsFromTheRoot() {
        for line in [["run"], ["run", "--bogus", "busybox"], ["run", "--help"], ["ps", "--version"]] {
            let message = Self.failure { try TraceOption.parse(Dockling.self, line) }
            XCTAssertNotNil(message, "\(line) parsed")
            XCTAssertEqual(message, Self.failure { try TraceOption.parse(fromRoot: Dockling.self, line) }, "\(line)")
            if line[0] == "run" { XCTAssertTrue(message?.contains("dockling run") == true, "\(line): \(message ?? "")") }
        }
    }

    /// What dockling prints when `parse` fails; nil when it parses.
    private static func failure(_ parse: () throws -> ParsableCommand) -> String? {
        do {
            _ = try parse()
            return nil
        } catch {
            return Dockling.fullMessage(for: error)
        }
    }

    private static func dumped(_ command: ParsableCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text
    }
}
