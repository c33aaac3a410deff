#if canImport(Glibc)
import Glibc
#endif

/// The bytes of one attach, on the client's side: typed input framed to the monitor,
/// the monitor's frames unpacked to our stdout and stderr — or, when `collectsOutput`,
/// kept for the caller to take (a build hands a RUN's output to its progress display).
/// Each direction has its own bounded queue and nothing here waits, so `AttachClient`
/// can poll for everything at once.
struct AttachSession {
    enum Step { case goOn, detached }

    private let monitor: RelayEnd
    private let input: RelayEnd?
    /// Our stdout and stderr; nil when the output is collected instead.
    private let output: RelayEnd?
    private let errors: RelayEnd?
    /// Output frames not yet taken by `takeCollected`, when the output is collected.
    private var collected: [AttachFrame] = []
    private var toMonitor = ByteQueue()
    private var toOutput = ByteQueue()
    private var toErrors = ByteQueue()
    private var frames = AttachFrameReader()
    private var readingInput: Bool
    private var pendingDetach = false
    private var exitCode: Int32?
    /// The monitor still sends (false at its end of file).
    private var monitorSends = true
    /// The monitor still takes what we send (false once a write to it failed).
    private var monitorTakes = true
    private var outputOpen = true
    private var errorsOpen = true
    private var buffer = [UInt8](repeating: 0, count: 65536)

    init(monitor: RelayEnd, input: RelayEnd?, collectsOutput: Bool = false) {
        self.monitor = monitor
        self.input = input
        readingInput = input != nil
        output = collectsOutput ? nil : .inherited(1, forWriting: true)
        errors = collectsOutput ? nil : .inherited(2, forWriting: true)
    }

    /// Once the container has ended and all it wrote is out: its exit code, or 125 when
    /// the monitor went away without one (it was killed).
    var end: Int32? {
        let over = exitCode != nil || !monitorSends
        let written = (toOutput.isEmpty || !outputOpen) && (toErrors.isEmpty || !errorsOpen)
        return over && written ? exitCode ?? 125 : nil
    }

    /// Queues a frame for the monitor, behind whatever is already queued.
    mutating func send(_ frame: AttachFrame) {
        if monitorTakes { toMonitor.append(frame.encoded[...]) }
    }

    /// What to wait for: the monitor, our input, our stdout, our stderr (fd -1: nothing).
    func polls() -> [pollfd] {
        var monitorEvents: Int32 = 0
        if readingMonitor { monitorEvents |= POLLIN }
        if monitorTakes && !toMonitor.isEmpty { monitorEvents |= POLLOUT }
        let typing = readingInput && monitorTakes && exitCode == nil && toMonitor.hasRoom
        return [pollfd(fd: monitorEvents == 0 ? -1 : monitor.fd, events: Int16(monitorEvents), revents: 0),
                pollfd(fd: typing ? input?.fd ?? -1 : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: outputOpen && !toOutput.isEmpty ? output?.fd ?? -1 : -1, events: Int16(POLLOUT), revents: 0),
                pollfd(fd: errorsOpen && !toErrors.isEmpty ? errors?.fd ?? -1 : -1, events: Int16(POLLOUT), revents: 0)]
    }

    /// Frames are read only while both our outputs have room (and what was collected
    /// has been taken), and not after the exit.
    private var readingMonitor: Bool {
        monitorSends && exitCode == nil && toOutput.hasRoom && toErrors.hasRoom && collected.isEmpty
    }

    /// The output frames collected since the last call, in the order they came.
    mutating func takeCollected() -> [AttachFrame] {
        defer { collected = [] }
        return collected
    }

    /// Moves what the descriptors in `polls` are ready for.
    mutating func move(_ polls: [pollfd], tty: Bool) -> Step {
        if polls[1].revents != 0, readTyped(tty: tty) == .detached { return .detached }
        if Int32(polls[0].revents) & POLLOUT != 0, !toMonitor.flush(to: monitor) { monitorTakes = false }
        if Int32(polls[0].revents) & ~POLLOUT != 0, readingMonitor { readFrames() }
        if polls[2].revents != 0, let output, !toOutput.flush(to: output) { outputOpen = false }
        if polls[3].revents != 0, let errors, !toErrors.flush(to: errors) { errorsOpen = false }
        return .goOn
    }

    private mutating func readTyped(tty: Bool) -> Step {
        guard let input else { return .goOn }
        switch input.read(into: &buffer) {
        case .moved(let n):
            var typed = Array(buffer[0..<n])
            if tty, AttachClient.detach(&typed, pending: &pendingDetach) { return .detached }
            if !typed.isEmpty { send(AttachFrame(.stdin, typed)) }
        case .closed:
            send(AttachFrame(.stdinEnd))
            readingInput = false
        case .wouldBlock:
            break
        }
        return .goOn
    }

    private mutating func readFrames() {
        switch monitor.read(into: &buffer) {
        case .moved(let n): frames.feed(buffer[0..<n])
        case .closed: monitorSends = false
        case .wouldBlock: break
        }
        while let frame = frames.next() {
            switch frame.kind {
            case .stdout where output == nil, .stderr where output == nil: collected.append(frame)
            case .stdout: if outputOpen { toOutput.append(frame.payload[...]) }
            case .stderr: if errorsOpen { toErrors.append(frame.payload[...]) }
            case .exit: exitCode = Int32(String(decoding: frame.payload, as: UTF8.self)) ?? 125
            case .stdin, .stdinEnd, .resize: break
            }
        }
    }

    /// Lets go of the copies of our descriptors.
    func release() {
        input?.release()
        output?.release()
        errors?.release()
    }
}
