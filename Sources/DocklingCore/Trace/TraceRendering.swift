// Turning one event into text: the call as strace writes it, or one JSON object.

import FoundationEssentials

extension TraceEvent {
    /// `unshare(CLONE_NEWNS|CLONE_NEWPID) = 0` — the call exactly as strace writes it.
    public var straceLine: String {
        "\(callText)\(resultText)"
    }

    /// `unshare(CLONE_NEWNS|CLONE_NEWPID)`: the call and its arguments.
    var callText: String { "\(call)(\(args.joined(separator: ", ")))" }

    /// ` = 0`, ` = -1 EPERM`, or ` ...` for a call that has not returned.
    var resultText: String {
        switch (result, errno) {
        case (_, let name?): return " = -1 \(name)"
        case (let value?, nil): return " = \(value)"
        case (nil, nil): return " ..."
        }
    }

    /// One JSON object on one line.
    func jsonLine() -> String {
        guard let bytes = try? JSONCoding.encode(self) else { return "" }
        return String(decoding: bytes, as: UTF8.self) + "\n"
    }

    /// The event a JSON line holds; nil for anything else.
    static func parse(jsonLine line: Substring) -> TraceEvent? {
        guard line.hasPrefix("{") else { return nil }
        return try? JSONCoding.decode(TraceEvent.self, from: Array(line.utf8), what: "a trace event")
    }
}
