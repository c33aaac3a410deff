#if canImport(Glibc)
import Glibc
#endif

/// Plain bytes between descriptors, every direction at once: one poll(2) over them all,
/// a bounded queue per stream, and no call that waits but poll itself. A source is read
/// only while its queue has room, a sink is written only while it has bytes waiting.
struct StreamRelay {
    struct Stream {
        let source: RelayEnd
        let sink: RelayEnd
        /// The relay is over once every stream that ends it has ended and been written out.
        var endsRelay = true
        /// Close the sink once the source has ended and its bytes are written: a pipe's
        /// reader then reads end of file.
        var closesSink = false
        fileprivate var queue = ByteQueue()
        fileprivate var reading = true
        fileprivate var writing = true

        init(from source: RelayEnd, to sink: RelayEnd) {
            self.source = source
            self.sink = sink
        }

        fileprivate var isOver: Bool { !reading && (queue.isEmpty || !writing) }
    }

    var streams: [Stream]
    /// The sinks the relay closed itself (`closesSink`), which their owner must not close again.
    private(set) var closedSinks: [Int32] = []

    /// Moves bytes until the streams that end the relay are over, then lets go of the
    /// copies it read and wrote through.
    mutating func run() {
        defer { streams.forEach { $0.source.release(); $0.sink.release() } }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while streams.contains(where: { $0.endsRelay && !$0.isOver }) {
            // Two entries a stream, source then sink; fd -1 is one poll(2) skips.
            var polls: [pollfd] = []
            for stream in streams {
                let readable = stream.reading && stream.queue.hasRoom
                let writable = stream.writing && !stream.queue.isEmpty
                polls.append(pollfd(fd: readable ? stream.source.fd : -1, events: Int16(POLLIN), revents: 0))
                polls.append(pollfd(fd: writable ? stream.sink.fd : -1, events: Int16(POLLOUT), revents: 0))
            }
            if poll(&polls, nfds_t(polls.count), -1) < 0 { continue }
            for index in streams.indices {
                if polls[2 * index].revents != 0 { read(index, into: &buffer) }
                if polls[2 * index + 1].revents != 0 && !streams[index].queue.flush(to: streams[index].sink) {
                    // Nobody reads the other side any more: stop taking bytes for it.
                    streams[index].writing = false
                    streams[index].reading = false
                }
                closeFinishedSink(index)
            }
        }
    }

    private mutating func read(_ index: Int, into buffer: inout [UInt8]) {
        switch streams[index].source.read(into: &buffer) {
        case .moved(let n): streams[index].queue.append(buffer[0..<n])
        case .wouldBlock: break
        case .closed: streams[index].reading = false
        }
    }

    private mutating func closeFinishedSink(_ index: Int) {
        let stream = streams[index]
        guard stream.closesSink, stream.writing, !stream.reading, stream.queue.isEmpty else { return }
        close(stream.sink.fd)
        closedSinks.append(stream.sink.fd)
        streams[index].writing = false
    }
}
