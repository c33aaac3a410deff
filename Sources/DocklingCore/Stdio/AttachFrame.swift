/// One message on a container's attach socket: a kind byte, a 4-byte big-endian length,
/// and the payload — so stdout and stderr stay two streams on one connection, as in
/// docker's attach protocol.
public struct AttachFrame: Equatable, Sendable {
    public enum Kind: UInt8, Sendable {
        /// client → monitor: bytes for the container's stdin.
        case stdin = 0
        /// monitor → client: output.
        case stdout = 1
        case stderr = 2
        /// monitor → client: the container has ended; payload is its exit code.
        case exit = 3
        /// client → monitor: no more stdin (the container will read end of file).
        case stdinEnd = 4
        /// client → monitor: the client's terminal is now `rows columns`.
        case resize = 5
    }

    public var kind: Kind
    public var payload: [UInt8]

    public init(_ kind: Kind, _ payload: [UInt8] = []) {
        self.kind = kind
        self.payload = payload
    }

    public var encoded: [UInt8] {
        let length = UInt32(payload.count)
        return [kind.rawValue, UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF),
                UInt8(length & 0xFF)] + payload
    }
}

/// Collects bytes from a socket and hands out whole frames.
public struct AttachFrameReader {
    private var buffer: [UInt8] = []

    public init() {}

    public mutating func feed(_ bytes: ArraySlice<UInt8>) { buffer.append(contentsOf: bytes) }

    /// The next complete frame, or nil until more bytes arrive. Unknown kinds are skipped.
    public mutating func next() -> AttachFrame? {
        while buffer.count >= 5 {
            let length = Int(buffer[1]) << 24 | Int(buffer[2]) << 16 | Int(buffer[3]) << 8 | Int(buffer[4])
            guard buffer.count >= 5 + length else { return nil }
            let kind = AttachFrame.Kind(rawValue: buffer[0])
            let payload = Array(buffer[5..<5 + length])
            buffer.removeFirst(5 + length)
            if let kind { return AttachFrame(kind, payload) }
        }
        return nil
    }
}
