@testable import DocklingBuild
import DocklingCore
import Foundation
import XCTest

/// `dockling build -` streams standard input to a file (`FileIO.copy`): a pipe the shell
/// left in non-blocking mode is waited on, not taken for an error, and nothing is held whole.
final class ContextStandardInputTests: XCTestCase {
    func testANonBlockingPipeIsReadToItsEnd() throws {
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        XCTAssertEqual(fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK), 0)
        let saved = NSTemporaryDirectory() + "dockling-stdin-" + UUID().uuidString.prefix(8)
        let output = open(saved, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        XCTAssertGreaterThanOrEqual(output, 0)
        defer {
            close(output)
            unlink(saved)
        }
        // The writer pauses between pieces, so the reader meets an empty pipe (EAGAIN).
        let piece = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        let writeEnd = ends[1]
        Thread {
            for _ in 0..<3 {
                usleep(50_000)
                piece.withUnsafeBytes { _ = write(writeEnd, $0.baseAddress!, $0.count) }
            }
            close(writeEnd)
        }.start()
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: Error?
        let input = ends[0]
        Thread {
            do { try FileIO.copy(from: input, to: output) } catch { failure = error }
            done.signal()
        }.start()
        let finished = done.wait(timeout: .now() + 20) == .success
        XCTAssertTrue(finished, "the copy did not finish in 20 s")
        XCTAssertNil(failure)
        // Closed only once the writer is done: a write to a closed pipe would kill the run.
        if finished && failure == nil { close(ends[0]) }
        XCTAssertEqual(lstatOf(saved)?.st_size, 3 << 20)
    }
}
