// The trace sink: configured once at start-up, inherited by child processes.

#if canImport(Glibc)
import Glibc
#endif

/// The process-wide trace sink.
///
/// It is configured once, before any thread starts, from `--trace[=json]` or the
/// environment (`DOCKLING_TRACE`, `DOCKLING_TRACE_FILE`, and `DOCKLING_TRACE_FD`, which
/// a parent sets for the children it starts). Every event is written with a single
/// write(2), so lines from several processes sharing the sink never interleave.
public final class Tracer: @unchecked Sendable {
    /// Environment variables that carry the sink to child processes.
    public enum Environment {
        public static let mode = "DOCKLING_TRACE"
        public static let file = "DOCKLING_TRACE_FILE"
        public static let fd = "DOCKLING_TRACE_FD"
        public static let depth = "DOCKLING_TRACE_DEPTH"
        public static let all = [mode, file, fd, depth]
    }

    public private(set) var mode: TraceMode
    /// The descriptor events are written to (stderr unless a file or fd is named).
    public private(set) var fd: Int32
    /// How deep this process is below the command the learner typed; indents human lines.
    public private(set) var depth: Int
    /// The concept step new events are filed under.
    public var step = "dockling"
    private var color: Bool

    nonisolated(unsafe) public static var shared = Tracer(environment: ProcessEnvironment.value)

    init(mode: TraceMode = .off, fd: Int32 = 2, depth: Int = 0) {
        self.mode = mode
        self.fd = fd
        self.depth = depth
        self.color = mode == .human && isatty(fd) == 1
    }

    /// Configured from the variables `env` looks up.
    convenience init(environment env: (String) -> String?) {
        let mode = env(Environment.mode).flatMap(TraceMode.init(flagValue:)) ?? .off
        let depth = env(Environment.depth).flatMap(Int.init) ?? 0
        var fd: Int32 = 2
        if let inherited = env(Environment.fd).flatMap(Int32.init), fcntl(inherited, F_GETFD) >= 0 {
            fd = inherited
        } else if mode != .off, let path = env(Environment.file) {
            let opened = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            if opened >= 0 { fd = opened }
        }
        self.init(mode: mode, fd: fd, depth: depth)
    }

    /// Applies `--trace[=MODE]` from the command line; the flag wins over the environment.
    public static func configure(flag: TraceMode?) {
        guard let flag else { return }
        let current = shared
        shared = Tracer(mode: flag, fd: flag == .off ? 2 : current.fd, depth: current.depth)
    }

    public var isOn: Bool { mode != .off }

    /// Writes one event to the sink.
    public func emit(_ event: TraceEvent) {
        let text: String
        switch mode {
        case .off: return
        case .human: text = event.humanLine(depth: depth, color: color)
        case .json: text = event.jsonLine()
        }
        writeAll(text)
    }

    /// A line of explanation between calls, for people only (json sinks skip it).
    public func say(_ line: String) {
        guard mode == .human else { return }
        let indent = String(repeating: "  ", count: max(0, depth))
        writeAll(color ? "\(indent)\u{1B}[1m\(line)\u{1B}[0m\n" : "\(indent)\(line)\n")
    }

    /// What a child process needs in its environment to write to this sink as
    /// descriptor `childFD`, one level deeper.
    public func childEnvironment(childFD: Int32) -> [String: String] {
        guard isOn else { return [:] }
        return [
            Environment.mode: mode.rawValue,
            Environment.fd: String(childFD),
            Environment.depth: String(depth + 1),
        ]
    }

    private func writeAll(_ text: String) { Output.write(text, to: fd) }
}
