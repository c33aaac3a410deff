import Foundation
import XCTest

/// What a finished child process left behind.
struct ToolResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs dockling's built executables as child processes: the test process itself never
/// forks into namespaces or touches cgroups.
enum Tool {
    /// The folder holding the built executables (the test bundle sits beside them).
    static let products: URL = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent()
    }()

    /// The package's top folder (for lessons/ and fixtures).
    static let packageRoot: URL = {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }()

    static func path(_ name: String) -> String { products.appendingPathComponent(name).path }

    /// Runs one of dockling's executables.
    @discardableResult
    static func run(_ name: String, _ arguments: [String], environment: [String: String] = [:],
                    stdin: String? = nil, timeout: TimeInterval = 120) throws -> ToolResult {
        try exec(path(name), arguments, environment: environment, stdin: stdin, timeout: timeout)
    }

    /// This process's environment without its trace settings (a child must not trace
    /// into output a test compares), plus `extra`.
    static func childEnvironment(_ extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("DOCKLING_TRACE") { env[key] = nil }
        return env.merging(extra) { _, new in new }
    }

    /// Runs any program; the environment is this process's plus `environment`.
    @discardableResult
    static func exec(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                     stdin: String? = nil, timeout: TimeInterval = 120) throws -> ToolResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = childEnvironment(environment)
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        // Drain both pipes concurrently so a chatty child never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            // A hang becomes a failure: SIGTERM, then SIGKILL for a child that ignores it.
            process.terminate()
            if group.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            XCTFail("\(executable) \(arguments) did not finish within \(timeout) s")
        }
        process.waitUntilExit()
        return ToolResult(status: process.terminationStatus,
                          stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Skips the test unless it runs as root, saying why.
    static func requireRoot() throws {
        if getuid() != 0 {
            throw XCTSkip("needs root: it creates namespaces, mounts and cgroups (run `make test` as root)")
        }
    }

    /// Skips the test unless `program` is on PATH, saying why.
    static func requireProgram(_ program: String, package: String) throws {
        let found = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            .split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
        if !found {
            throw XCTSkip("needs \(program) (Debian package \(package)); `make test` installs it")
        }
    }

    /// The mounts that involve `path` (as mount point or source), for before/after
    /// comparisons that other activity on the machine cannot disturb.
    static func mounts(involving path: String) throws -> [String] {
        try mountTable().filter { $0.contains(path) }
    }

    /// The host's mount table, for before/after comparisons.
    static func mountTable() throws -> [String] {
        try String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)
            .split(separator: "\n").map { line in
                // Drop the mount id and parent id: they are not stable across reads.
                line.split(separator: " ").dropFirst(2).joined(separator: " ")
            }.sorted()
    }
}

/// A private store root for one test, removed when the test case finishes (XCTest keeps
/// test case objects alive until the whole run ends, so deinit alone would be too late).
final class TemporaryRoot {
    let path: String

    init(_ label: String = "test") throws {
        let base = "/tmp/dockling-tests"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = "\(base)/\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        TemporaryRootSweeper.shared.track(path)
    }

    /// The environment that points dockling at this root.
    var environment: [String: String] { ["DOCKLING_ROOT": path] }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Removes every temporary root when the test case that made it finishes.
final class TemporaryRootSweeper: NSObject, XCTestObservation {
    nonisolated(unsafe) static let shared: TemporaryRootSweeper = {
        let sweeper = TemporaryRootSweeper()
        XCTestObservationCenter.shared.addTestObserver(sweeper)
        return sweeper
    }()

    private var paths: [String] = []

    func track(_ path: String) { paths.append(path) }

    func testCaseDidFinish(_ testCase: XCTestCase) {
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
        paths = []
    }
}
