import DocklingCore
import Foundation
import XCTest

/// `dockling tour` on a pseudo-terminal of its own, as a learner runs it: a session
/// whose controlling terminal is the pty (so Ctrl-C typed there is SIGINT for the
/// tour), a window of the size the test asks for, and a test that reads the screen and
/// types. Every wait has a deadline, so a tour that hangs fails the test.
final class TourTerminal {
    private let master: Int32
    private let process = Process()
    /// Everything the tour has printed so far.
    private var printed: [UInt8] = []
    /// Where the next `waitFor` starts looking.
    private var seen = 0

    var screen: String { String(decoding: printed, as: UTF8.self) }

    init(_ arguments: [String], environment: [String: String] = [:], rows: UInt16 = 45, columns: UInt16 = 160) throws {
        let pty = try Kernel.openPTY("/dev/ptmx", note: "the learner's terminal")
        master = pty.master
        try Kernel.setWindowSize(master, rows: rows, columns: columns, note: "the learner's window")
        let slave = FileHandle(fileDescriptor: pty.slave, closeOnDealloc: true)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["--ctty", "--wait", Tool.path("dockling"), "tour"] + arguments
        process.environment = Tool.childEnvironment(environment.merging(["TERM": "xterm"]) { _, new in new })
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
        try slave.close()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        close(master)
    }

    /// Reads the screen until `text` appears (after what earlier waits found), or
    /// `timeout` passes; true when it appeared.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval) -> Bool {
        waitForAny([text], timeout: timeout) != nil
    }

    /// The first of `texts` to appear, or nil when none did within `timeout`.
    func waitForAny(_ texts: [String], timeout: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let found = texts.compactMap { text in position(of: Array(text.utf8)).map { (text, $0) } }
                .min { $0.1 < $1.1 }
            if let (text, end) = found {
                seen = end
                return text
            }
            if Date() >= deadline || !read(until: deadline) { return nil }
        }
    }

    /// Where `needle` ends, first found at or after `seen`.
    private func position(of needle: [UInt8]) -> Int? {
        guard printed.count - seen >= needle.count else { return nil }
        for start in seen...(printed.count - needle.count) where printed[start..<start + needle.count].elementsEqual(needle) {
            return start + needle.count
        }
        return nil
    }

    /// Waits `seconds` as a reader would, still taking in what the tour prints.
    func pause(_ seconds: TimeInterval) {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline && read(until: deadline) {}
    }

    func type(_ text: String) {
        _ = Output.write(bytes: Array(text.utf8)[...], to: master)
    }

    /// The tour's exit status, once it has ended (nil if it is still running after `timeout`).
    func exitStatus(timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { pause(0.1) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Takes in output until `deadline`; false once the tour's side has closed.
    private func read(until deadline: Date) -> Bool {
        var polls = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        let wait = Int32(max(0, min(deadline.timeIntervalSinceNow, 1)) * 1000)
        guard poll(&polls, 1, wait) >= 0 else { return true }
        guard polls[0].revents != 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = Glibc.read(master, &buffer, buffer.count)
        // EIO: no process holds the terminal any more.
        guard n > 0 else { return false }
        printed += buffer[0..<n]
        return true
    }
}
