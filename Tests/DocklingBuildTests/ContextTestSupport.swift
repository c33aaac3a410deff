@testable import DocklingBuild
import DocklingCore
import Foundation
import XCTest

/// A folder of its own under /tmp for one test, removed when the scratch goes, with small
/// helpers to lay files out in it the way a build context or an unpacked layer holds them.
/// XCTest keeps every test case object until the run ends: set the scratch to nil in
/// `tearDown`, or the folders pile up.
final class ContextScratch {
    let path: String
    private var files: FileManager { .default }

    init(_ label: String) throws {
        path = NSTemporaryDirectory() + "dockling-context-\(label)-" + UUID().uuidString.prefix(8)
        try files.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? files.removeItem(atPath: path) }

    /// A new empty folder inside the scratch folder, such as a layer.
    func folder(_ name: String) throws -> String {
        try files.createDirectory(atPath: path + "/" + name, withIntermediateDirectories: true)
        return path + "/" + name
    }

    /// Writes `text` to `name` under `root` (parents made), with `mode`.
    @discardableResult
    func file(_ name: String, in root: String, _ text: String = "", mode: Int = 0o644) throws -> String {
        let full = root + "/" + name
        try files.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        XCTAssertTrue(files.createFile(atPath: full, contents: Data(text.utf8)))
        XCTAssertEqual(chmod(full, mode_t(mode)), 0)
        return full
    }

    func link(_ name: String, in root: String, to target: String) throws {
        let full = root + "/" + name
        try files.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try files.createSymbolicLink(atPath: full, withDestinationPath: target)
    }

    /// Runs a tool (tar, gzip…) to completion, failing after 20 seconds rather than hanging.
    func run(_ tool: String, _ arguments: [String], in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            XCTFail("\(tool) \(arguments) did not finish in 20 s")
        }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(tool) \(arguments)")
    }
}

/// What `lstat` says of a path, for assertions.
func lstatOf(_ path: String) -> stat? {
    var info = stat()
    return lstat(path, &info) == 0 ? info : nil
}

func textOf(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

/// The error's `what` and `hint`, or a test failure when `body` did not throw a `ContextError`.
func contextError(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> ContextError? {
    do {
        try body()
        XCTFail("expected an error", file: file, line: line)
    } catch let error as ContextError {
        return error
    } catch {
        XCTFail("expected a ContextError, got \(error)", file: file, line: line)
    }
    return nil
}

/// Tests that give files owners or make whiteouts need root, as CI has.
func requireRootForOwners() throws {
    guard geteuid() == 0 else { throw XCTSkip("needs root (chown, mknod, trusted.* xattrs)") }
}
