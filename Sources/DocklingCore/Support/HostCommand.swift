#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper program on the host (busybox --list-full, ip, …) and captures its
/// standard output, through the same trampoline as everything else dockling starts.
public enum HostCommand {
    public static func output(_ path: String, _ arguments: [String]) throws -> String {
        let pipe = try Kernel.pipe(note: "capture the output of \(path)")
        let child: SpawnedProcess
        do {
            child = try Kernel.spawn(
                SpawnRequest(path: path, argv: [path] + arguments,
                             environment: ProcessEnvironment.entries(),
                             descriptors: [-1, pipe.write, 2]),
                note: "run \(path) \(arguments.joined(separator: " "))")
        } catch {
            Glibc.close(pipe.read)
            Glibc.close(pipe.write)
            throw error
        }
        Glibc.close(pipe.write)
        defer { Glibc.close(pipe.read) }
        try child.awaitExec(note: "the helper program starts")
        let data = Kernel.readToEnd(pipe.read) ?? []
        let status = try Kernel.wait(child.pid, note: "collect \(path)'s exit status")
        guard status == .exited(0) else {
            throw UsageError(step: "host", "\(path) \(arguments.joined(separator: " ")) exited with \(status.exitCode)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
