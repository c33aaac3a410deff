#if canImport(Glibc)
import Glibc
#endif

/// The monitor's loop: the container's output goes to the log and to every attached
/// client; what a client types goes to the container's stdin (or terminal).
/// Single-threaded, one poll(2) over everything, and no call that waits but poll: each
/// client has a bounded queue of output, the container's stdin has one of input, and a
/// source is read only while the queues it fills have room. So a container that does
/// not read its stdin cannot stop its output, and a client that does not read its
/// output cannot stop its typing reaching the container.
final class AttachRelay {
    private struct Client {
        let end: RelayEnd
        var frames = AttachFrameReader()
        var queue = ByteQueue()
        var open = true
    }

    /// How long `finish` waits for a client that takes none of its last bytes.
    static let lastBytesTimeout: Int32 = 10_000

    private var outputs: [(end: RelayEnd, kind: AttachFrame.Kind)]
    private var stdinSink: RelayEnd?
    private var stdinQueue = ByteQueue()
    /// A client sent end of input: close the container's stdin once its queue is written.
    private var closingStdin = false
    private let terminal: Int32?
    private let listener: Int32
    private let log: JSONLogWriter
    private var clients: [Client] = []
    private var buffer = [UInt8](repeating: 0, count: 65536)

    init(outputs: [(fd: Int32, kind: AttachFrame.Kind)], stdinSink: Int32?, terminal: Int32?,
         listener: Int32, log: JSONLogWriter) {
        self.outputs = outputs.map { (RelayEnd.owned($0.fd), $0.kind) }
        self.stdinSink = stdinSink.map(RelayEnd.owned)
        self.terminal = terminal
        self.listener = listener
        self.log = log
    }

    /// Relays until the container's last process has closed its output.
    func run() {
        while !outputs.isEmpty {
            let clientsHaveRoom = clients.allSatisfy { $0.queue.hasRoom }
            var polls = outputs.map { pollfd(fd: clientsHaveRoom ? $0.end.fd : -1, events: Int16(POLLIN), revents: 0) }
            polls.append(pollfd(fd: listener, events: Int16(POLLIN), revents: 0))
            polls += clients.map { clientPoll($0, reading: stdinQueue.hasRoom) }
            let sinkFD = stdinSink.flatMap { stdinQueue.isEmpty ? nil : $0.fd } ?? -1
            polls.append(pollfd(fd: sinkFD, events: Int16(POLLOUT), revents: 0))
            if poll(&polls, nfds_t(polls.count), -1) < 0 { continue }
            // Where each kind of entry sits, taken before a stream ends or accept adds a client.
            let firstClient = outputs.count + 1
            let clientPolls = polls[firstClient..<firstClient + clients.count]
            let ready = zip(outputs, polls).filter { $0.1.revents != 0 }.map(\.0)
            // New clients first: `run` connects before the container may exec, so it
            // gets every byte even when we come late to output that is already there.
            if polls[firstClient - 1].revents != 0 { accept() }
            // Stdout before stderr, so that output written together is logged in order.
            for stream in ready { relayOutput(stream) }
            for (index, polled) in zip(0..., clientPolls) where polled.revents != 0 {
                serve(index, events: Int32(polled.revents))
            }
            if polls.last?.revents ?? 0 != 0 { writeStdin() }
            clients.removeAll { client in
                if !client.open { close(client.end.fd) }
                return !client.open
            }
        }
    }

    /// Tells every client how the container ended, once it has every byte before that,
    /// and lets them go. A client that takes nothing for `lastBytesTimeout` is dropped:
    /// a stopped `attach` must not hold up the cleanup.
    func finish(exitCode: Int32) {
        let exit = AttachFrame(.exit, Array(String(exitCode).utf8)).encoded
        for index in clients.indices { clients[index].queue.append(exit[...]) }
        while case let waiting = clients.filter({ $0.open && !$0.queue.isEmpty }), !waiting.isEmpty {
            var polls = waiting.map { pollfd(fd: $0.end.fd, events: Int16(POLLOUT), revents: 0) }
            guard poll(&polls, nfds_t(polls.count), Self.lastBytesTimeout) > 0 else { break }
            for index in clients.indices where polls.contains(where: { $0.fd == clients[index].end.fd && $0.revents != 0 }) {
                if !clients[index].queue.flush(to: clients[index].end) { clients[index].open = false }
            }
        }
        for client in clients { close(client.end.fd) }
        clients = []
        close(listener)
    }

    private func clientPoll(_ client: Client, reading: Bool) -> pollfd {
        var events: Int32 = reading ? POLLIN : 0
        if !client.queue.isEmpty { events |= POLLOUT }
        return pollfd(fd: events == 0 ? -1 : client.end.fd, events: Int16(events), revents: 0)
    }

    private func relayOutput(_ stream: (end: RelayEnd, kind: AttachFrame.Kind)) {
        let name = stream.kind == .stderr ? "stderr" : "stdout"
        switch stream.end.read(into: &buffer) {
        case .wouldBlock:
            return
        case .closed:
            // End of file, or EIO from a pty master once no process holds the terminal.
            log.flush(stream: name)
            outputs.removeAll { $0.end.fd == stream.end.fd }
            if stream.end.fd == terminal { stdinSink = nil }
            close(stream.end.fd)
        case .moved(let n):
            log.append(buffer[0..<n], stream: name)
            let frame = AttachFrame(stream.kind, Array(buffer[0..<n])).encoded
            for index in clients.indices where clients[index].open { clients[index].queue.append(frame[...]) }
        }
    }

    private func accept() {
        guard let fd = try? Kernel.accept(listener, note: "a client attaches to the container") else { return }
        // Only the user the monitor runs as may type into the container.
        guard Kernel.peerUID(fd) == Int(getuid()) else {
            close(fd)
            return
        }
        clients.append(Client(end: .owned(fd)))
    }

    /// Writes a client's queued output, and reads what it sent.
    private func serve(_ index: Int, events: Int32) {
        if events & POLLOUT != 0, !clients[index].queue.flush(to: clients[index].end) {
            clients[index].open = false
            return
        }
        guard events & ~POLLOUT != 0, stdinQueue.hasRoom else { return }
        switch clients[index].end.read(into: &buffer) {
        case .wouldBlock: return
        case .closed: clients[index].open = false
        case .moved(let n):
            clients[index].frames.feed(buffer[0..<n])
            while let frame = clients[index].frames.next() { take(frame) }
        }
    }

    private func take(_ frame: AttachFrame) {
        switch frame.kind {
        case .stdin:
            if stdinSink != nil && !closingStdin { stdinQueue.append(frame.payload[...]) }
        case .stdinEnd:
            // A pipe closes so the container reads end of file; a terminal stays.
            if let sink = stdinSink, sink.fd != terminal {
                closingStdin = true
                if stdinQueue.isEmpty { closeStdin() }
            }
        case .resize:
            let numbers = String(decoding: frame.payload, as: UTF8.self).split(separator: " ").compactMap { UInt16($0) }
            if let terminal, numbers.count == 2 {
                try? Kernel.setWindowSize(terminal, rows: numbers[0], columns: numbers[1],
                                          note: "the client's terminal changed size: so does the container's")
            }
        case .stdout, .stderr, .exit:
            break
        }
    }

    /// Writes queued input to the container; a container that closed its stdin gets no more.
    private func writeStdin() {
        guard let sink = stdinSink else { return }
        if !stdinQueue.flush(to: sink) {
            if sink.fd != terminal { closeStdin() } else { stdinSink = nil }
            return
        }
        if closingStdin && stdinQueue.isEmpty { closeStdin() }
    }

    private func closeStdin() {
        if let sink = stdinSink { close(sink.fd) }
        stdinSink = nil
        closingStdin = false
    }
}
