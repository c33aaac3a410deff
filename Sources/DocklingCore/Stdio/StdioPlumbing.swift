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

    /// Moves bytes until the command's side has closed its output.
    func relay() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !outputs.isEmpty {
            var polls = outputs.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            if stdinSink != nil { polls.append(pollfd(fd: 0, events: Int16(POLLIN), revents: 0)) }
            if poll(&polls, nfds_t(polls.count), -1) < 0 { continue }
            var ended: [Int32] = []
            // stdout before stderr, so that output written together keeps its order.
            for (index, stream) in outputs.enumerated() where polls[index].revents != 0 {
                let n = read(stream.fd, &buffer, buffer.count)
                if n <= 0 {
                    // EOF, or EIO from a pty master once the command's side is closed.
                    ended.append(stream.fd)
                } else {
                    Output.write(bytes: buffer[0..<n], to: stream.to)
                }
            }
            for fd in ended {
                close(fd)
                outputs.removeAll { $0.fd == fd }
                if fd == terminal { stdinSink = nil }
            }
            if let sink = stdinSink, polls.last?.revents ?? 0 != 0 {
                let n = read(0, &buffer, buffer.count)
                if n > 0 {
                    Output.write(bytes: buffer[0..<n], to: sink)
                } else {
                    // End of our stdin: the command reads end of file too (a pipe closes).
                    if sink != terminal { close(sink) }
                    stdinSink = nil
                }
            }
        }
    }
}
