import ArgumentParser
@testable import dockling
import DocklingCLI
import DocklingCore
import XCTest

/// The command line as docker reads it, parsed as `dockling` parses it (no container runs).
final class CommandLineParsingTests: XCTestCase {
    private func parse<Command: ParsableCommand>(_ arguments: [String], as _: Command.Type) throws -> Command {
        try XCTUnwrap(try TraceOption.parse(Dockling.self, arguments) as? Command)
    }

    func testATraceAfterTheImageIsTheContainersAndOneBeforeItIsDocklings() throws {
        let run = try parse(["run", "--name", "web", "--trace", "busybox", "env", "--trace"], as: Run.self)
        XCTAssertEqual(run.trace.mode, "human", "a bare --trace before the image is dockling's, meaning human")
        XCTAssertEqual(run.imageAndCommand, ["busybox", "env", "--trace"], "the container's --trace as typed")
        let create = try parse(["create", "busybox", "echo", "--trace", "--", "--trace"], as: Create.self)
        XCTAssertNil(create.trace.mode)
        XCTAssertEqual(create.imageAndCommand, ["busybox", "echo", "--trace", "--", "--trace"])
        let exec = try parse(["exec", "-e", "A=1", "web", "echo", "--trace"], as: Exec.self)
        XCTAssertEqual(exec.containerAndCommand, ["web", "echo", "--trace"])
    }

    func testATraceAfterAnotherCommandsArgumentsIsStillDocklings() throws {
        XCTAssertEqual(try parse(["history", "busybox", "--trace"], as: History.self).trace.mode, "human")
        XCTAssertEqual(try parse(["ps", "--trace"], as: PS.self).trace.mode, "human")
        XCTAssertEqual(try parse(["run", "--trace=json", "busybox"], as: Run.self).trace.mode, "json")
    }

    func testMinusOneIsALimitValueNotAFlag() throws {
        let run = try parse(["run", "--memory", "64m", "--memory-swap", "-1", "--pids-limit", "-1", "busybox", "true"],
                            as: Run.self)
        XCTAssertEqual(try run.flags.options(imageAndCommand: run.imageAndCommand).limits,
                       [.memory: "64m", .memorySwap: "-1", .pidsLimit: "-1"])
        XCTAssertEqual(run.imageAndCommand, ["busybox", "true"])
    }
}
