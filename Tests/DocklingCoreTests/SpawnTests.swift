@testable import DocklingCore
import Glibc
import XCTest

/// The C fork+exec trampoline, starting plain programs (no namespaces).
final class SpawnTests: XCTestCase {
    private func readAll(_ fd: Int32) -> String {
        var data: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1 { data.append(byte) }
        return String(decoding: data, as: UTF8.self)
    }

    func testDescriptorsAreMappedAndOthersClosed() throws {
        let pipe = try Kernel.pipe(note: "test")
        let child = try Kernel.spawn(SpawnRequest(
            path: "/bin/sh", argv: ["sh", "-c", "echo mapped >&3; ls /proc/self/fd | wc -l >&3"],
            environment: [], descriptors: [-1, 2, 2, pipe.write]), note: "test")
        close(pipe.write)
        try child.awaitExec(note: "test")
        let output = readAll(pipe.read)
        close(pipe.read)
        XCTAssertEqual(try Kernel.wait(child.pid, note: "test"), .exited(0))
        let lines = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(lines.first, "mapped")
        // 0-3, plus the one ls opens to read the directory: nothing else leaked in.
        XCTAssertEqual(lines.last, "5")
    }

    func testAFailedExecIsReportedWithItsErrno() throws {
        let child = try Kernel.spawn(SpawnRequest(path: "/no/such/program", argv: ["x"], environment: []),
                                     note: "test")
        XCTAssertThrowsError(try child.awaitExec(note: "test")) { error in
            XCTAssertEqual((error as? KernelError)?.errno, .ENOENT)
        }
    }

    func testAChildWaitingToGoExitsWhenTheParentGivesUp() throws {
        let go = try Kernel.pipe(note: "test")
        let child = try Kernel.spawn(SpawnRequest(path: "/bin/true", argv: ["true"], environment: [],
                                                  goDescriptor: go.read), note: "test")
        close(go.read)
        close(go.write)
        XCTAssertEqual(try Kernel.wait(child.pid, note: "test"), .exited(125))
    }

    func testAChildRunsOnceTold() throws {
        let go = try Kernel.pipe(note: "test")
        let child = try Kernel.spawn(SpawnRequest(path: "/bin/sh", argv: ["sh", "-c", "exit 7"], environment: [],
                                                  goDescriptor: go.read), note: "test")
        close(go.read)
        var byte: UInt8 = 1
        XCTAssertEqual(write(go.write, &byte, 1), 1)
        close(go.write)
        try child.awaitExec(note: "test")
        XCTAssertEqual(try Kernel.wait(child.pid, note: "test"), .exited(7))
    }
}
