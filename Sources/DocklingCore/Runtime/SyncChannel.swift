#if canImport(Glibc)
import Glibc
#endif

/// One end of a sync pipe between the parent and `dockling-init`: whole lines in,
/// whole lines out.
public struct SyncChannel {
    public let fd: Int32

    public init(fd: Int32) { self.fd = fd }

    /// Sends one message (a traced write, so the learner sees the handshake).
    public func send(_ message: InitMessage, note: String) throws(KernelError) {
        try Kernel.write(fd, message.line, note: note)
    }

    /// Blocks for the next message; nil at end of file (the other side closed or exec'd).
    /// Reads a byte at a time so that nothing past the line is consumed.
    public func receive() -> InitMessage? {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = read(fd, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return nil }
            if byte == UInt8(ascii: "\n") { break }
            line.append(byte)
        }
        return InitMessage(line: String(decoding: line, as: UTF8.self))
    }
}
