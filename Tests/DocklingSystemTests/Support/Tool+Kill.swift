import Foundation

extension Tool {
    /// Starts one of dockling's executables and sends it `signal` after `delay` seconds,
    /// wherever it has got to by then — SIGKILL: the crash no clean-up code can soften —
    /// and waits until it is gone.
    static func runKilled(_ name: String, _ arguments: [String], environment: [String: String],
                          signal: Int32 = SIGKILL, after delay: TimeInterval) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path(name))
        process.arguments = arguments
        process.environment = childEnvironment(environment)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }
}
