#if canImport(Glibc)
import Glibc
#endif

/// The client end of a container's attach socket: what `dockling run`, `start -a` and
/// `attach` do. Output frames go to stdout and stderr; typed input goes to the
/// container; Ctrl-p Ctrl-q detaches (with -t) and leaves the container running.
public final class AttachClient {
    /// docker's detach keys: Ctrl-p, then Ctrl-q.
    static let detachKeys: [UInt8] = [0x10, 0x11]

    public let containerPID: pid_t?
    private let socket: Int32

    /// Connects to a running container's monitor.
    public init(containerID: String, containerPID: pid_t?) throws {
        self.containerPID = containerPID
        do {
            socket = try Kernel.connectAbstract(MonitorSpec.attachSocket(containerID),
                                                note: "attach: connect to the container's monitor")
        } catch {
            throw UsageError(step: "attach", "cannot attach to container \(ContainerID.short(containerID))",
                             hint: "is it running? (\(error.errno.name))")
        }
    }

    deinit { close(socket) }

    /// Relays until the container ends (its exit code) or the user detaches (nil).
    public func run(sendInput: Bool, tty: Bool) throws -> Int32? {
        let terminal = TerminalMode(fd: 0)
        if tty { try terminal.makeRaw() }
        defer { terminal.restore() }
        let signals = try Kernel.signalDescriptor([SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT],
                                                  note: "take signals in the relay loop, in order")
        defer { close(signals) }
        if tty { sendWindowSize() }
        var reader = AttachFrameReader()
        var readingInput = sendInput
        var pendingDetach = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            var polls = [pollfd(fd: socket, events: Int16(POLLIN), revents: 0),
                         pollfd(fd: signals, events: Int16(POLLIN), revents: 0)]
            if readingInput { polls.append(pollfd(fd: 0, events: Int16(POLLIN), revents: 0)) }
            if poll(&polls, nfds_t(polls.count), -1) < 0 { continue }
            if polls[1].revents != 0 { handleSignal(signals, tty: tty) }
            if readingInput && polls[2].revents != 0 {
                let n = read(0, &buffer, buffer.count)
                if n <= 0 {
                    send(AttachFrame(.stdinEnd))
                    readingInput = false
                } else {
                    var typed = Array(buffer[0..<n])
                    if tty, Self.detach(&typed, pending: &pendingDetach) { return nil }
                    if !typed.isEmpty { send(AttachFrame(.stdin, typed)) }
                }
            }
            if polls[0].revents != 0 {
                let n = read(socket, &buffer, buffer.count)
                // The monitor went away without an exit frame: it was killed.
                if n <= 0 { return 125 }
                reader.feed(buffer[0..<n])
                while let frame = reader.next() {
                    switch frame.kind {
                    case .stdout: Output.write(bytes: frame.payload[...], to: 1)
                    case .stderr: Output.write(bytes: frame.payload[...], to: 2)
                    case .exit: return Int32(String(decoding: frame.payload, as: UTF8.self)) ?? 125
                    case .stdin, .stdinEnd, .resize: break
                    }
                }
            }
        }
    }

    /// Looks for Ctrl-p Ctrl-q in what was typed (even split across reads); true means
    /// detach. Bytes before the sequence are still sent.
    static func detach(_ typed: inout [UInt8], pending: inout Bool) -> Bool {
        var kept: [UInt8] = []
        for byte in typed {
            if pending {
                pending = false
                if byte == detachKeys[1] {
                    typed = kept
                    return true
                }
                kept.append(detachKeys[0])
            }
            if byte == detachKeys[0] { pending = true } else { kept.append(byte) }
        }
        typed = kept
        return false
    }

    private func handleSignal(_ fd: Int32, tty: Bool) {
        var info = [UInt8](repeating: 0, count: 128)
        guard read(fd, &info, info.count) == 128 else { return }
        let signal = Int32(info[0]) | Int32(info[1]) << 8
        if signal == SIGWINCH {
            if tty { sendWindowSize() }
        } else if let containerPID {
            // docker's sig-proxy: the container's PID 1 gets the signal we got.
            try? Kernel.kill(containerPID, signal, note: "pass \(Signals.name(signal)) on to the container's PID 1")
        }
    }

    private func sendWindowSize() {
        guard let size = Kernel.windowSize(0) else { return }
        send(AttachFrame(.resize, Array("\(size.rows) \(size.columns)".utf8)))
    }

    private func send(_ frame: AttachFrame) { Output.write(bytes: frame.encoded[...], to: socket) }
}
