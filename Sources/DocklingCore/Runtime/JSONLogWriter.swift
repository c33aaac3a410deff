#if canImport(Glibc)
import Glibc
#endif

/// docker's json-file log: one JSON object per line,
/// `{"log":"hello\n","stream":"stdout","time":"2026-11-22T08:00:00.123456789Z"}`.
/// Output is split at newlines; a line still open when the stream ends is written as is.
final class JSONLogWriter {
    private let fd: Int32
    private var pending: [String: [UInt8]] = [:]

    init(path: String) throws {
        fd = try Kernel.open(path, [.writeOnly, .create, .append, .closeOnExec], mode: 0o640,
                             note: "the container's log: every line it writes, with its stream and time")
    }

    deinit { close(fd) }

    func append(_ bytes: ArraySlice<UInt8>, stream: String) {
        var buffer = pending[stream, default: []]
        buffer.append(contentsOf: bytes)
        var start = 0
        var out: [UInt8] = []
        let time = Timestamp.preciseNow()
        for index in buffer.indices where buffer[index] == UInt8(ascii: "\n") {
            Self.encode(buffer[start...index], stream: stream, time: time, into: &out)
            start = index + 1
        }
        pending[stream] = Array(buffer[start...])
        write(out)
    }

    /// Writes what is left of a stream that has ended without a final newline.
    func flush(stream: String) {
        guard let rest = pending[stream], !rest.isEmpty else { return }
        var out: [UInt8] = []
        Self.encode(rest[...], stream: stream, time: Timestamp.preciseNow(), into: &out)
        pending[stream] = []
        write(out)
    }

    private func write(_ bytes: [UInt8]) { Output.write(bytes: bytes[...], to: fd) }

    /// JSON's escapes for one line; bytes that are not UTF-8 become U+FFFD, as docker's
    /// encoder makes them. One append a byte: this runs for every byte a container writes.
    static func encode(_ line: ArraySlice<UInt8>, stream: String, time: String, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + line.count + 96)
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
        out.append(contentsOf: "\",\"stream\":\"\(stream)\",\"time\":\"\(time)\"}\n".utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
