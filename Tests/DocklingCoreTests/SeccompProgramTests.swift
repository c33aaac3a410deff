@testable import DocklingCore
import Glibc
import XCTest

/// Docker's profile compiled by libseccomp, and its trip down the go-ahead pipe.
final class SeccompProgramTests: XCTestCase {
    /// The kernel takes at most 4096 instructions; the program must fit, also for the
    /// widest capability set, and be whole instructions.
    func testTheProfileCompilesToAProgramTheKernelTakes() throws {
        for capabilities in [CapabilitySet.dockerDefault, .all] {
            let program = try SeccompFilter(capabilities: capabilities).compile()
            XCTAssertEqual(program.bytes.count % SeccompProgram.instructionSize, 0)
            XCTAssertGreaterThan(program.instructionCount, 100)
            XCTAssertLessThanOrEqual(program.instructionCount, 4096)
        }
    }

    /// After `go`, the program follows its `seccomp N` line on the same pipe, and the
    /// reader takes exactly its bytes: the go line before it is not eaten, nor is
    /// anything after it.
    func testTheProgramCrossesThePipeAfterTheGoAhead() throws {
        let program = try SeccompFilter(capabilities: .dockerDefault).compile()
        let pipe = try Kernel.pipe(note: "test")
        defer { close(pipe.read) }
        let down = SyncChannel(fd: pipe.write)
        try down.send(.go, note: "test")
        try program.send(over: down)
        try Kernel.write(pipe.write, "after", note: "test")
        close(pipe.write)
        let up = SyncChannel(fd: pipe.read)
        XCTAssertEqual(up.receive(), .go)
        XCTAssertEqual(try SeccompProgram.receive(over: up).bytes, program.bytes)
        XCTAssertEqual(Kernel.readToEnd(pipe.read), Array("after".utf8))
    }

    /// A parent that ends without sending it leaves the container without a filter:
    /// that is an error, never an unconfined container.
    func testNoProgramIsAnError() throws {
        let pipe = try Kernel.pipe(note: "test")
        defer { close(pipe.read) }
        try Kernel.write(pipe.write, "seccomp 16\n12345678", note: "test")
        close(pipe.write)
        XCTAssertThrowsError(try SeccompProgram.receive(over: SyncChannel(fd: pipe.read))) {
            XCTAssertTrue("\($0)".contains("cut short"), "\($0)")
        }
    }
}
