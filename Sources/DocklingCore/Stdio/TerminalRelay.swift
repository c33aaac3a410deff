#if canImport(Glibc)
import Glibc
#endif

/// `exec -t`: bytes between this process's own stdin/stdout (the user's terminal, in raw
/// mode) and a pty master, both ways at once, until the command's side of the terminal
/// closes.
struct TerminalRelay {
    let master: Int32
    /// Our stdin and stdout, opened for the relay before we entered the container's
    /// namespaces: the container's /proc has no /proc/self for a process outside its
    /// PID namespace.
    let input: RelayEnd
    let output: RelayEnd

    /// The ends of the user's terminal, made while /proc/self still names us.
    static func userEnds() -> (input: RelayEnd, output: RelayEnd) {
        (.inherited(0, forWriting: false), .inherited(1, forWriting: true))
    }

    func run() {
        if let size = Kernel.windowSize(0) {
            try? Kernel.setWindowSize(master, rows: size.rows, columns: size.columns,
                                      note: "the command's terminal gets the size of yours")
        }
        let terminal = RelayEnd.owned(master)
        var typed = StreamRelay.Stream(from: input, to: terminal)
        typed.endsRelay = false
        var relay = StreamRelay(streams: [StreamRelay.Stream(from: terminal, to: output), typed])
        relay.run()
        close(master)
    }
}
