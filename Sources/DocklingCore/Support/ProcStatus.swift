/// A field of /proc/PID/status — one `Name:\tvalue` line each, as proc(5) lays them out.
enum ProcStatus {
    /// The first word after `name:` on its line; nil when the file has no such line.
    static func field(_ name: String, in status: String) -> Substring? {
        status.split(separator: "\n").first { $0.hasPrefix(name + ":") }?
            .split(whereSeparator: \.isWhitespace).dropFirst().first
    }
}
