import DocklingCore

/// Cuts a container's output into lines, stdout and stderr each on its own: a line
/// is handed over once its newline has come, whatever pieces it came in, and what is
/// left without one at the end goes last.
///
/// Its cost follows the output's size, whatever its shape: each stream keeps one
/// buffer, only the bytes that just came are searched for a newline, and a line longer
/// than `maximumLine` is handed over in pieces of that length (a progress bar drawn with
/// `\r`, binary data). As BuildKit does, a step's log ends at `budget` bytes with
/// `clipLine`; what the command writes after that is still read — a container is never
/// left blocked on a full pipe — and dropped.
struct OutputLines {
    static let maximumLine = 64 * 1024
    static let budget = 2 * 1024 * 1024
    /// BuildKit's words (`progress/logs`) when a step's log reaches its limit.
    static let clipLine = "[output clipped, log limit 2MiB reached]"

    private var pending: [AttachFrame.Kind: [UInt8]] = [:]
    /// Bytes handed over so far, newlines included.
    private var forwarded = 0
    private var clipped = false

    mutating func feed(_ frame: AttachFrame, to output: (String) -> Void) {
        guard !clipped else { return }
        var bytes = pending.removeValue(forKey: frame.kind) ?? []
        var start = 0
        var scanned = bytes.count  // the bytes kept from before hold no newline
        bytes.append(contentsOf: frame.payload)
        while !clipped {
            let limit = min(bytes.count, start + Self.maximumLine)
            if let newline = bytes[scanned..<limit].firstIndex(of: 0x0A) {
                hand(bytes[start..<newline], to: output)
                start = newline + 1
            } else if limit - start == Self.maximumLine {
                hand(bytes[start..<limit], to: output)
                start = limit
            } else {
                break
            }
            scanned = start
        }
        if !clipped { pending[frame.kind] = Array(bytes[start...]) }
    }

    /// The unfinished last lines, stdout's first.
    mutating func finish(to output: (String) -> Void) {
        for kind in [AttachFrame.Kind.stdout, .stderr] {
            if let rest = pending[kind], !rest.isEmpty, !clipped { hand(rest[...], to: output) }
        }
        pending = [:]
    }

    /// One line, unless it would pass the budget: then the clip line, and nothing more.
    private mutating func hand(_ line: ArraySlice<UInt8>, to output: (String) -> Void) {
        forwarded += line.count + 1
        guard forwarded <= Self.budget else {
            output(Self.clipLine)
            clipped = true
            pending = [:]
            return
        }
        output(String(decoding: line, as: UTF8.self))
    }
}
