// Turning events into text: one line for people, one JSON object for programs.

import FoundationEssentials

extension TraceEvent {
    /// `unshare(CLONE_NEWNS|CLONE_NEWPID) = 0` — the call exactly as strace writes it.
    public var straceLine: String {
        let head = "\(call)(\(args.joined(separator: ", ")))"
        switch (result, errno) {
        case (_, let name?): return "\(head) = -1 \(name)"
        case (let value?, nil): return "\(head) = \(value)"
        case (nil, nil): return "\(head) ..."
        }
    }

    /// The line a person reads: pid, the call, and why it was made.
    func humanLine(depth: Int, color: Bool) -> String {
        let indent = String(repeating: "  ", count: max(0, depth))
        let pidText = "[\(pid)]"
        let failed = errno != nil
        guard color else {
            return "\(indent)\(pidText) \(straceLine)    # \(note)\n"
        }
        let callColor = failed ? "\u{1B}[31m" : "\u{1B}[36m"
        return "\(indent)\u{1B}[2m\(pidText)\u{1B}[0m \(callColor)\(straceLine)\u{1B}[0m"
            + "    \u{1B}[2m# \(note)\u{1B}[0m\n"
    }

    /// One JSON object on one line.
    func jsonLine() -> String {
        guard let bytes = try? JSONCoding.encode(self) else { return "" }
        return String(decoding: bytes, as: UTF8.self) + "\n"
    }
}
