#if canImport(Glibc)
import Glibc
#endif

/// docker's json-file log: one JSON object per line,
/// `{"log":"hello\n","stream":"stdout","time":"2026-11-22T08:00:00.123456789Z"}`.
/// Output is split at newlines; a line longer than 16 KiB is written as several entries of
/// at most that size, only the last with its newline (docker's log copier does the same),
/// so a line is never held whole: output without newlines costs what its bytes cost. A
/// line still open when the stream ends is written as is.
final class JSONLogWriter {
    /// docker's limit on one log entry (`daemon/logger`'s 16 KiB buffer).
    static let longestEntry = 16 * 1024

    private let fd: Int32
    private var pending: [String: [UInt8]] = [:]

    init(path: String) throws {
        fd = try Kernel.open(path, [.writeOnly, .create, .append, .closeOnExec], mode: 0o640,
                             note: "the container's log: every line it writes, with its stream and time")
    }

    deinit { close(fd) }

    func append(_ bytes: ArraySlice<UInt8>, stream: String) {
        let suffix = Self.suffix(stream: stream, time: Timestamp.preciseNow())
        var out: [UInt8] = []
        var open = pending.removeValue(forKey: stream) ?? []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            if open.isEmpty && index - start < Self.longestEntry {
                Self.encode(bytes[start...index], suffix: suffix, into: &out)
            } else {
                open.append(contentsOf: bytes[start...index])
                Self.entries(of: &open, lineEnded: true, suffix: suffix, into: &out)
            }
            start = index + 1
        }
        open.append(contentsOf: bytes[start...])
        Self.entries(of: &open, lineEnded: false, suffix: suffix, into: &out)
        pending[stream] = open
        write(out)
    }

    /// The entries of an open line: every full 16 KiB of it, then — when its newline has
    /// come — the rest. What is left stays open.
    private static func entries(of open: inout [UInt8], lineEnded: Bool, suffix: [UInt8], into out: inout [UInt8]) {
        var from = 0
        while open.count - from > longestEntry || (!lineEnded && open.count - from == longestEntry) {
            encode(open[from..<from + longestEntry], suffix: suffix, into: &out)
            from += longestEntry
        }
        if lineEnded {
            encode(open[from...], suffix: suffix, into: &out)
            open.removeAll(keepingCapacity: true)
        } else if from > 0 {
            open.removeFirst(from)
        }
    }

    /// Writes what is left of a stream that has ended without a final newline.
    func flush(stream: String) {
        guard let rest = pending[stream], !rest.isEmpty else { return }
        var out: [UInt8] = []
        Self.encode(rest[...], suffix: Self.suffix(stream: stream, time: Timestamp.preciseNow()), into: &out)
        pending[stream] = []
        write(out)
    }

    private func write(_ bytes: [UInt8]) { Output.write(bytes: bytes[...], to: fd) }

    /// What ends every entry of one write: the stream and the time, made once for all its lines.
    static func suffix(stream: String, time: String) -> [UInt8] {
        Array("\",\"stream\":\"\(stream)\",\"time\":\"\(time)\"}\n".utf8)
    }

    /// JSON's escapes for one line, then `suffix`; bytes that are not UTF-8 become U+FFFD,
    /// as docker's encoder makes them. One append a byte: this runs for every byte a
    /// container writes. (No `reserveCapacity` here: asked for at every line, it would
    /// undo the array's doubling and copy the whole of `out` each time.)
    static func encode(_ line: ArraySlice<UInt8>, suffix: [UInt8], into out: inout [UInt8]) {
        out.append(contentsOf: #"{"log":""#.utf8)
        let backslash = UInt8(ascii: "\\")
        for byte in String(decoding: line, as: UTF8.self).utf8 {
            switch byte {
            case UInt8(ascii: "\""), backslash:
                out.append(backslash)
                out.append(byte)
            case UInt8(ascii: "\n"):
                out.append(backslash)
                out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"):
                out.append(backslash)
                out.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"):
                out.append(backslash)
                out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            default:
                out.append(byte)
            }
        }
        out.append(contentsOf: suffix)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
