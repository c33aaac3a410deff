import Foundation

extension Tool {
    /// Starts one of dockling's executables once per argument list, all of them before
    /// any is waited for, so they really run at once; returns their results in order.
    /// Output goes to files (a pipe per process would need a reader thread each).
    static func runAtOnce(_ name: String, _ commands: [[String]], environment: [String: String]) throws -> [ToolResult] {
        let logs = try TemporaryRoot("at-once-logs")
        let started = try commands.enumerated().map { index, arguments in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path(name))
            process.arguments = arguments
            process.environment = childEnvironment(environment)
            let files = ["out", "err"].map { "\(logs.path)/\(index).\($0)" }
            for file in files { _ = FileManager.default.createFile(atPath: file, contents: nil) }  // opening it says if not
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: files[0]))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: files[1]))
            process.standardInput = FileHandle.nullDevice
            try process.run()
            return (process, files)
        }
        return started.map { process, files in
            process.waitUntilExit()
            let text = files.map { (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "" }
            return ToolResult(status: process.terminationStatus, stdout: text[0], stderr: text[1])
        }
    }
}
