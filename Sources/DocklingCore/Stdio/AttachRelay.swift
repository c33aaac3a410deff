#if canImport(Glibc)
import Glibc
#endif

/// The monitor's loop: the container's output goes to the log and to every attached
/// client; what a client types goes to the container's stdin (or terminal).
/// Single-threaded, one poll(2) over everything.
final class AttachRelay {
    private struct Client {
        let fd: Int32
        var reader = AttachFrameReader()
    }

    private var outputs: [(fd: Int32, kind: AttachFrame.Kind)]
    private var stdinSink: Int32?
    private let terminal: Int32?
    private let listener: Int32
    private let log: JSONLogWriter
    private var clients: [Client] = []
    private var buffer = [UInt8](repeating: 0, count: 65536)

    init(outputs: [(fd: Int32, kind: AttachFrame.Kind)], stdinSink: Int32?, terminal: Int32?,
         listener: Int32, log: JSONLogWriter) {
        self.outputs = outputs
        self.stdinSink = stdinSink
        self.terminal = terminal
        self.listener = listener
        self.log = log
    }

    /// Relays until the container's last process has closed its output.
    func run() {
        while !outputs.isEmpty {
            let watched = outputs.map(\.fd) + [listener] + clients.map(\.fd)
            var polls = watched.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if poll(&polls, nfds_t(polls.count), -1) < 0 { continue }
            let ready = Set(polls.filter { $0.revents != 0 }.map(\.fd))
            // The clients that were ready, taken before an output's end or a new client
            // can reuse a descriptor number.
            let readyClients = clients.map(\.fd).filter(ready.contains)
            // New clients first: `run` connects before the container may exec, so it
            // gets every byte even when we come late to output that is already there.
            if ready.contains(listener) { accept() }
            // Stdout before stderr, so that output written together is logged in order.
            for stream in outputs where ready.contains(stream.fd) { relayOutput(stream) }
            for fd in readyClients { relayInput(from: fd) }
        }
    }

    /// Tells every client how the container ended, and lets them go.
    func finish(exitCode: Int32) {
        broadcast(AttachFrame(.exit, Array(String(exitCode).utf8)))
        for client in clients { close(client.fd) }
        clients = []
        close(listener)
    }

    private func relayOutput(_ stream: (fd: Int32, kind: AttachFrame.Kind)) {
        let n = read(stream.fd, &buffer, buffer.count)
        if n < 0 && (errno == EINTR || errno == EAGAIN) { return }
        let name = stream.kind == .stderr ? "stderr" : "stdout"
        guard n > 0 else {
            // End of file, or EIO from a pty master once no process holds the terminal.
            log.flush(stream: name)
            outputs.removeAll { $0.fd == stream.fd }
            if stream.fd == terminal { stdinSink = nil }
            close(stream.fd)
            return
        }
        log.append(buffer[0..<n], stream: name)
        broadcast(AttachFrame(stream.kind, Array(buffer[0..<n])))
    }

    private func accept() {
        guard let fd = try? Kernel.accept(listener, note: "a client attaches to the container") else { return }
        // Only the user the monitor runs as may type into the container.
        guard Kernel.peerUID(fd) == Int(getuid()) else {
            close(fd)
            return
        }
        clients.append(Client(fd: fd))
    }

    private func relayInput(from fd: Int32) {
        guard let index = clients.firstIndex(where: { $0.fd == fd }) else { return }
        // Never wait here: a client dropped while relaying output may have left its
        // number to a new one with nothing to say yet.
        let n = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        if n < 0 && (errno == EAGAIN || errno == EINTR) { return }
        guard n > 0 else {
            close(fd)
            clients.remove(at: index)
            return
        }
        clients[index].reader.feed(buffer[0..<n])
        while let frame = clients[index].reader.next() {
            switch frame.kind {
            case .stdin:
                if let sink = stdinSink { Output.write(bytes: frame.payload[...], to: sink) }
            case .stdinEnd:
                // A pipe closes so the container reads end of file; a terminal stays.
                if let sink = stdinSink, sink != terminal {
                    close(sink)
                    stdinSink = nil
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
    }

    private func broadcast(_ frame: AttachFrame) {
        let bytes = frame.encoded
        clients.removeAll { client in
            if Output.write(bytes: bytes[...], to: client.fd) { return false }
            close(client.fd)
            return true
        }
    }
}
