@testable import DocklingCore
import Glibc
import XCTest

/// The monitor's relay in one process: a pipe stands for the container's stdout, an
/// abstract socket for the attach socket.
final class AttachRelayTests: XCTestCase {
    /// `dockling run` connects before the container may exec, but the monitor may come
    /// to its loop late — when the output is already there and has already ended. The
    /// client must still get all of it, and its exit frame.
    func testAClientWaitingBeforeTheOutputGetsAllOfItWhenBothAreReadyAtOnce() throws {
        let scratch = try ScratchDirectory()
        let name = "dockling-relay-test-\(getpid())"
        let listener = try Kernel.listenAbstract(name, note: "test")
        let client = try Kernel.connectAbstract(name, note: "test")
        defer { close(client) }
        let out = try Kernel.pipe(note: "test")
        try Kernel.write(out.write, "hi\n", note: "test")
        close(out.write)

        let relay = AttachRelay(outputs: [(out.read, .stdout)], stdinSink: nil, terminal: nil, listener: listener,
                                log: try JSONLogWriter(path: scratch.path + "/container.log"))
        relay.run()
        relay.finish(exitCode: 0)

        var reader = AttachFrameReader()
        reader.feed(Kernel.readToEnd(client)?[...] ?? [])
        var frames: [AttachFrame] = []
        while let frame = reader.next() { frames.append(frame) }
        XCTAssertEqual(frames, [AttachFrame(.stdout, Array("hi\n".utf8)), AttachFrame(.exit, Array("0".utf8))])
    }
}
