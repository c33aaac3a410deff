/// Bytes read from one descriptor, waiting for another to take them. Its bound is what
/// keeps a relay fair: while a queue is full the relay stops reading that queue's source,
/// so a slow reader slows only the stream it reads, and memory stays small.
struct ByteQueue {
    /// Reading pauses at this much; one read more may pass it by a buffer's size.
    static let limit = 256 * 1024

    private var bytes: [UInt8] = []
    /// Where the unwritten bytes start: what was written is dropped a batch at a time.
    private var start = 0

    var isEmpty: Bool { start == bytes.count }
    var hasRoom: Bool { bytes.count - start < Self.limit }

    mutating func append(_ more: ArraySlice<UInt8>) {
        if start > 0 && (isEmpty || start >= Self.limit) {
            bytes.removeFirst(start)
            start = 0
        }
        bytes.append(contentsOf: more)
    }

    /// Writes what `sink` takes now. False when the sink has gone: what was queued for
    /// it is dropped, since nobody can read it any more.
    mutating func flush(to sink: RelayEnd) -> Bool {
        while !isEmpty {
            switch sink.write(bytes[start...]) {
            case .moved(let n): start += n
            case .wouldBlock: return true
            case .closed:
                bytes = []
                start = 0
                return false
            }
        }
        return true
    }
}
