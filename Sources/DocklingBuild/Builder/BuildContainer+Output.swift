import DocklingCore

/// Cuts a container's output into lines, stdout and stderr each on its own: a line
/// is handed over once its newline has come, whatever pieces it came in, and what is
/// left without one at the end goes last.
struct OutputLines {
    private var pending: [AttachFrame.Kind: [UInt8]] = [:]

    mutating func feed(_ frame: AttachFrame, to output: (String) -> Void) {
        let bytes = pending[frame.kind, default: []] + frame.payload
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: 0x0A) {
            output(String(decoding: bytes[start..<newline], as: UTF8.self))
            start = newline + 1
        }
        pending[frame.kind] = Array(bytes[start...])
    }

    /// The unfinished last lines, stdout's first.
    mutating func finish(to output: (String) -> Void) {
        for kind in [AttachFrame.Kind.stdout, .stderr] {
            if let rest = pending[kind], !rest.isEmpty { output(String(decoding: rest, as: UTF8.self)) }
        }
        pending = [:]
    }
}
