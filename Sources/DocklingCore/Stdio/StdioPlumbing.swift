#if canImport(Glibc)
import Glibc
#endif

/// The descriptors a `StdioSession` hands its command, and the bytes it moves for it.
final class StdioPlumbing {
    let childDescriptors: [Int32]
    let newSession: Bool
    /// The pty master, with -t.
    let terminal: Int32?
    private var childEnds: [Int32]
    private var outputs: [(fd: Int32, to: Int32)]
    private var stdinSink: Int32?
    private let rawMode = TerminalMode(fd: 0)

    init(_ mode: StdioSession.Mode) throws {
        switch mode {
        case .pipes(let interactive):
            let out = try Kernel.pipe(note: "the command's stdout: a pipe, so dockling-stdio sees every byte")
            let err = try Kernel.pipe(note: "the command's stderr: a second pipe, kept apart from stdout")
            let input = interactive ? try Kernel.pipe(note: "-i: the command's stdin is a pipe we fill from ours") : nil
            let stdin = try input?.read ?? Kernel.open("/dev/null", [.readOnly, .closeOnExec],
                                                       note: "without -i the command's stdin is /dev/null")
            childDescriptors = [stdin, out.write, err.write]
            childEnds = childDescriptors
            outputs = [(out.read, 1), (err.read, 2)]
            stdinSink = input?.write
            newSession = false
            terminal = nil
        case .terminal:
            let pty = try Kernel.openPTY("/dev/ptmx", note: "-t: a pseudo-terminal; the command gets its slave end")
            childDescriptors = [pty.slave, pty.slave, pty.slave]
            childEnds = [pty.slave]
            outputs = [(pty.master, 1)]
            stdinSink = pty.master
            newSession = true
            terminal = pty.master
            if let size = Kernel.windowSize(0) {
                try Kernel.setWindowSize(pty.master, rows: size.rows, columns: size.columns,
                                         note: "the command's terminal gets the size of yours")
            }
            try rawMode.makeRaw()
        case .detached(let log):
            let file = try Kernel.open(log, [.writeOnly, .create, .append, .closeOnExec], mode: 0o644,
                                       note: "-d: the command's output goes to a log file, read or not")
            let null = try Kernel.open("/dev/null", [.readOnly, .closeOnExec], note: "-d: nothing to type into")
            childDescriptors = [null, file, file]
            childEnds = [null, file]
            outputs = []
            newSession = true
            terminal = nil
        }
    }

    deinit { rawMode.restore() }

    /// Our copies of the command's ends go: a pipe reads end of file only when no
    /// writer is left.
    func closeChildEnds() {
        childEnds.forEach { _ = close($0) }
        childEnds = []
    }

    /// The calls the child made in the trampoline, now known to have succeeded.
    func traceChildCalls(pid: pid_t) {
        if newSession {
            Kernel.reportChildCall(pid: pid, "setsid", [], result: Int(pid),
                                   note: "a session of its own: it can have a controlling terminal, and no Ctrl-C of ours reaches it")
        }
        for (target, source) in childDescriptors.enumerated() where source != Int32(target) {
            Kernel.reportChildCall(pid: pid, "dup2", [String(source), String(target)], result: target,
                                   note: "descriptor \(target) of the command is our descriptor \(source)")
        }
        if terminal != nil {
            Kernel.reportChildCall(pid: pid, "ioctl", ["0", "TIOCSCTTY", "0"], result: 0,
                                   note: "the pty becomes the controlling terminal: Ctrl-C typed there is SIGINT for the command")
        }
    }

    /// Moves bytes until the command's side has closed its output — both ways at once,
    /// never waiting on one side while the other fills.
    func relay() {
        var streams = outputs.map { StreamRelay.Stream(from: .owned($0.fd), to: .inherited($0.to, forWriting: true)) }
        if let sink = stdinSink {
            var input = StreamRelay.Stream(from: .inherited(0, forWriting: false), to: .owned(sink))
            input.endsRelay = false
            // At the end of our stdin the command reads end of file too: a pipe closes,
            // a terminal stays.
            input.closesSink = sink != terminal
            streams.append(input)
        }
        var relay = StreamRelay(streams: streams)
        relay.run()
        if let sink = stdinSink, sink != terminal, !relay.closedSinks.contains(sink) { close(sink) }
        outputs.forEach { close($0.fd) }
        outputs = []
        stdinSink = nil
    }
}
