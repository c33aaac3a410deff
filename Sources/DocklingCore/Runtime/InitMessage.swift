/// The messages the parent and `dockling-init` exchange over their sync pipes, one
/// text line each, so that a learner reading strace output can follow them.
public enum InitMessage: Equatable, Sendable {
    /// init → parent: "the container's first process is host pid N."
    case containerPID(Int32)
    /// parent → container: "your id maps are written and you are in your cgroup; go ahead."
    case go
    /// parent → container, after `go`: "here come N bytes: your compiled seccomp filter."
    case seccomp(byteCount: Int)
    /// container → parent: "setting up failed; exit with this code."
    case failed(code: Int32, message: String)
    /// container → parent, when tracing: "I, pid N as I see myself, exec this path (strace-
    /// quoted) now." The pipe's closing on exec then says it happened: the parent traces it.
    case exec(pid: Int32, quotedPath: String)

    public var line: String {
        switch self {
        case .containerPID(let pid): return "pid \(pid)\n"
        case .go: return "go\n"
        case .seccomp(let count): return "seccomp \(count)\n"
        case .failed(let code, let message): return "failed \(code) \(message)\n"
        case .exec(let pid, let path): return "exec \(pid) \(path)\n"
        }
    }

    public init?(line: String) {
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        switch parts.first {
        case "go": self = .go
        case "seccomp":
            guard parts.count == 2, let count = Int(parts[1]), count >= 0 else { return nil }
            self = .seccomp(byteCount: count)
        case "pid":
            guard parts.count == 2, let pid = Int32(parts[1]) else { return nil }
            self = .containerPID(pid)
        case "failed":
            guard parts.count == 3, let code = Int32(parts[1]) else { return nil }
            self = .failed(code: code, message: String(parts[2]))
        case "exec":
            guard parts.count == 3, let pid = Int32(parts[1]) else { return nil }
            self = .exec(pid: pid, quotedPath: String(parts[2]))
        default: return nil
        }
    }
}
