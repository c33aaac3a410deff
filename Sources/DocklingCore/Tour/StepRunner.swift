#if canImport(Glibc)
import Glibc
#endif

/// What one tour step printed, and what the kernel calls behind it were.
public struct StepOutcome: Sendable {
    public let status: Int32
    /// Standard output and error, merged in the order they were written.
    public let output: String
    /// The trace the step's dockling commands wrote: JSON lines, one event each, for
    /// `TraceView` to show.
    public let trace: String
    /// The store the step used, whose paths the view shows as `<store>/…`.
    public let storeRoot: String?
}

/// Runs a lesson step with `sh -c` in a scratch folder, with dockling's executables
/// first on PATH and tracing sent to a file of its own, so that the trace can be shown
/// beside the output without being mixed into it.
public struct StepRunner {
    public let binDirectory: String
    public let workDirectory: String
    public let extraEnvironment: [String: String]

    public init(binDirectory: String, workDirectory: String, extraEnvironment: [String: String]) {
        self.binDirectory = binDirectory
        self.workDirectory = workDirectory
        self.extraEnvironment = extraEnvironment
    }

    public func run(_ step: LessonStep) throws -> StepOutcome {
        // Beside the working folder, not in it: a step's `ls` or `COPY .` must not see it.
        let traceFile = Path.parent(of: workDirectory) + "/step-trace.json"
        _ = Glibc.unlink(traceFile)
        var env = ProcessEnvironment.current
        for key in Tracer.Environment.all { env[key] = nil }
        env.merge(extraEnvironment) { _, new in new }
        env["PATH"] = binDirectory + ":" + (env["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin")
        // Events, not text: the tour merges every process's events by time and shows
        // them as the default view or the whole trace (TraceView).
        env[Tracer.Environment.mode] = TraceMode.json.rawValue
        env[Tracer.Environment.file] = traceFile

        let pipe = try Kernel.pipe(note: "capture the step's output")
        let child: SpawnedProcess
        do {
            child = try Kernel.spawn(SpawnRequest(
                path: "/bin/sh", argv: ["sh", "-c", "cd \"$0\" && \(step.command)", workDirectory],
                environment: ProcessEnvironment.entries(env),
                descriptors: [-1, pipe.write, pipe.write]), note: "run the step")
        } catch {
            [pipe.read, pipe.write].forEach { _ = Glibc.close($0) }
            throw error
        }
        Glibc.close(pipe.write)
        let output = String(decoding: Kernel.readToEnd(pipe.read) ?? [], as: UTF8.self)
        Glibc.close(pipe.read)
        try child.awaitExec(note: "the shell runs the step")
        let status = try Kernel.wait(child.pid, note: "the step has ended")
        let trace = (try? Kernel.readFile(traceFile)) ?? ""
        _ = Glibc.unlink(traceFile)
        return StepOutcome(status: status.exitCode, output: output, trace: trace,
                           storeRoot: extraEnvironment[StoreRoot.environmentVariable])
    }
}
