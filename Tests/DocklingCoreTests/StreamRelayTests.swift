@testable import DocklingCore
import Foundation
import Glibc
import XCTest

/// The relay's pieces in one process: bounded queues, non-blocking ends, and a relay
/// that moves both directions at once.
final class StreamRelayTests: XCTestCase {
    func testAQueueStopsTakingAtItsLimitAndKeepsWhatAFullSinkDidNotTake() throws {
        let pair = try Kernel.socketPair(note: "test")
        defer { close(pair.0); close(pair.1) }
        let sink = RelayEnd.owned(pair.0)
        var queue = ByteQueue()
        let bytes = (0..<(ByteQueue.limit + 10)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        queue.append(bytes[...])
        XCTAssertFalse(queue.hasRoom)
        // The socket takes only part of it; the rest waits, in order.
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let reader = RelayEnd.owned(pair.1)
        for _ in 0..<1000 where !queue.isEmpty {
            XCTAssertTrue(queue.flush(to: sink))
            while case .moved(let n) = reader.read(into: &buffer) { received += buffer[0..<n] }
        }
        XCTAssertTrue(queue.isEmpty)
        XCTAssertTrue(queue.hasRoom)
        XCTAssertEqual(received, bytes)
    }

    func testAFlushToASinkWhoseReaderHasGoneSaysSo() throws {
        let pair = try Kernel.socketPair(note: "test")
        close(pair.1)
        defer { close(pair.0) }
        var queue = ByteQueue()
        queue.append([1, 2, 3][...])
        XCTAssertFalse(queue.flush(to: .owned(pair.0)))
        XCTAssertTrue(queue.isEmpty, "bytes nobody can read are dropped")
    }

    /// The deadlock of issue 17: a relay that blocks writing a peer's input while that
    /// peer blocks writing its output back, which the relay would read next. Here the
    /// peer is `cat` played by a thread with ordinary blocking calls, and 10 MB go
    /// through it and back; a relay that waited on either side would never finish.
    func testTenMegabytesGoThroughACatAndBackWithoutTheRelayEverWaiting() throws {
        let scratch = try ScratchDirectory()
        let bytes = try XCTUnwrap(FileHandle(forReadingAtPath: "/dev/urandom")?.readData(ofLength: 10_000_000))
        try bytes.write(to: URL(fileURLWithPath: scratch.path + "/in"))
        let input = open(scratch.path + "/in", O_RDONLY | O_CLOEXEC)
        let output = open(scratch.path + "/out", O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        let toCat = try Kernel.pipe(note: "test"), fromCat = try Kernel.pipe(note: "test")
        let cat = Thread {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while case let n = read(toCat.read, &chunk, chunk.count), n > 0 {
                _ = Output.write(bytes: chunk[0..<n], to: fromCat.write)
            }
            close(toCat.read)
            close(fromCat.write)
        }
        cat.start()
        var typed = StreamRelay.Stream(from: .inherited(input, forWriting: false), to: .owned(toCat.write))
        typed.endsRelay = false
        typed.closesSink = true
        let box = RelayBox(StreamRelay(streams: [StreamRelay.Stream(from: .owned(fromCat.read),
                                                                    to: .inherited(output, forWriting: true)), typed]))
        let finished = expectation(description: "the relay ends")
        Thread {
            box.relay.run()
            finished.fulfill()
        }.start()
        // A relay that waited would hang here: the timeout turns that into a failure.
        wait(for: [finished], timeout: 60)
        XCTAssertEqual(box.relay.closedSinks, [toCat.write])
        [input, output, fromCat.read].forEach { _ = close($0) }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/out")), bytes)
    }

    func testAPipeOfOursIsReopenedNonBlockingAndTheOriginalIsLeftAsItWas() throws {
        let pipe = try Kernel.pipe(note: "test")
        defer { close(pipe.read); close(pipe.write) }
        let end = RelayEnd.inherited(pipe.read, forWriting: false)
        XCTAssertNotEqual(end.fd, pipe.read, "a copy of our own")
        XCTAssertEqual(fcntl(pipe.read, F_GETFL) & O_NONBLOCK, 0, "the shared descriptor keeps its flags")
        var buffer = [UInt8](repeating: 0, count: 16)
        XCTAssertEqual(end.read(into: &buffer), .wouldBlock)
        try Kernel.write(pipe.write, "hi", note: "test")
        XCTAssertEqual(end.read(into: &buffer), .moved(2))
        end.release()
        XCTAssertEqual(fcntl(end.fd, F_GETFD), -1, "the copy is closed")
    }

    func testPID1GetsOnlyTheSignalsItsSigCgtMaskCatches() {
        // A shell that traps SIGTERM (15) and SIGINT (2): bits 14 and 1.
        let status = "Name:\tsh\nSigIgn:\t0000000000000000\nSigCgt:\t0000000000004002\n"
        XCTAssertTrue(SignalProxy.catches(SIGTERM, status: status))
        XCTAssertTrue(SignalProxy.catches(SIGINT, status: status))
        XCTAssertFalse(SignalProxy.catches(SIGHUP, status: status))
        XCTAssertFalse(SignalProxy.catches(SIGTERM, status: "Name:\tsleep\nSigCgt:\t0000000000000000\n"))
    }
}

/// The relay under test, handed to the thread that runs it.
private final class RelayBox: @unchecked Sendable {
    var relay: StreamRelay
    init(_ relay: StreamRelay) { self.relay = relay }
}
