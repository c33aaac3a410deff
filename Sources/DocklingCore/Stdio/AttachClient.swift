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
    /// Everything waits in one poll(2): signals, typed input, the monitor's frames, and
    /// our stdout and stderr, each direction with a bounded queue of its own — so a
    /// container that does not read its stdin never stops its output reaching us, and
    /// Ctrl-C or SIGTERM is handled at any moment.
    public func run(sendInput: Bool, tty: Bool) throws -> Int32? {
        // An interactive container may run for as long as its user likes: show the
        // trace of its start now, before the terminal goes raw, not when it ends.
        if sendInput || tty { Tracer.shared.showSoFar() }
        let terminal = TerminalMode(fd: 0)
        if tty { try terminal.makeRaw() }
        defer { terminal.restore() }
        let signals = try Kernel.signalDescriptor([SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT],
                                                  note: "take signals in the relay loop, in order")
        defer { close(signals) }
        var session = AttachSession(monitor: .owned(socket), input: sendInput ? .inherited(0, forWriting: false) : nil)
        defer { session.release() }
        if tty { sendWindowSize(&session) }
        while true {
            if let exitCode = session.end { return exitCode }
            var polls = session.polls() + [pollfd(fd: signals, events: Int16(POLLIN), revents: 0)]
            if poll(&polls, nfds_t(polls.count), -1) < 0 { continue }
            if polls.removeLast().revents != 0 { handleSignal(signals, tty: tty, session: &session) }
            if session.move(polls, tty: tty) == .detached { return nil }
        }
    }

    /// Relays until the container ends and returns its exit code, handing each piece of
    /// its output (stdout and stderr frames, in the order they came) to `deliver` rather
    /// than to our stdout and stderr: what a build does with a RUN step's output. Its
    /// stdin gets nothing. Ctrl-C, SIGTERM, SIGHUP and SIGQUIT go to `onSignal` (which
    /// should end the container: the relay goes on until it has). The caller holds them
    /// back (`Interrupts.hold`), so that none ends this process meanwhile.
    public func collectOutput(_ deliver: (AttachFrame) -> Void, onSignal: (Int32) -> Void) throws -> Int32 {
        let signals = try Kernel.signalDescriptor(Interrupts.signals, note: "take Ctrl-C and kill in the relay loop")
        defer { close(signals) }
        var session = AttachSession(monitor: .owned(socket), input: nil, collectsOutput: true)
        defer { session.release() }
        while true {
            session.takeCollected().forEach(deliver)
            if let exitCode = session.end { return exitCode }
            var polls = session.polls() + [pollfd(fd: signals, events: Int16(POLLIN), revents: 0)]
            if poll(&polls, nfds_t(polls.count), -1) < 0 { continue }
            if polls.removeLast().revents != 0, let signal = Self.readSignal(signals) { onSignal(signal) }
            _ = session.move(polls, tty: false)
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

    /// The number of the signal a signalfd has for us (from its `signalfd_siginfo`).
    private static func readSignal(_ fd: Int32) -> Int32? {
        var info = [UInt8](repeating: 0, count: 128)
        guard read(fd, &info, info.count) == 128 else { return nil }
        return Int32(info[0]) | Int32(info[1]) << 8
    }

    private func handleSignal(_ fd: Int32, tty: Bool, session: inout AttachSession) {
        guard let signal = Self.readSignal(fd) else { return }
        if signal == SIGWINCH {
            if tty { sendWindowSize(&session) }
        } else if let containerPID {
            SignalProxy.pass(signal, to: containerPID)
        }
    }

    private func sendWindowSize(_ session: inout AttachSession) {
        guard let size = Kernel.windowSize(0) else { return }
        session.send(AttachFrame(.resize, Array("\(size.rows) \(size.columns)".utf8)))
    }
}
