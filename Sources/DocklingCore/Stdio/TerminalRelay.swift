#if canImport(Glibc)
import Glibc
#endif

/// `exec -t`: bytes between this process's own stdin/stdout (the user's terminal, in raw
/// mode) and a pty master, until the command's side of the terminal closes.
struct TerminalRelay {
    let master: Int32

    func run() {
        if let size = Kernel.windowSize(0) {
            try? Kernel.setWindowSize(master, rows: size.rows, columns: size.columns,
                                      note: "the command's terminal gets the size of yours")
        }
        var buffer = [UInt8](repeating: 0, count: 65536)
        var input = true
        while true {
            var polls = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
            if input { polls.append(pollfd(fd: 0, events: Int16(POLLIN), revents: 0)) }
            if poll(&polls, nfds_t(polls.count), -1) < 0 { continue }
            if polls[0].revents != 0 {
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { break }
                Output.write(bytes: buffer[0..<n], to: 1)
            }
            if input && polls[1].revents != 0 {
                let n = read(0, &buffer, buffer.count)
                if n <= 0 { input = false } else { Output.write(bytes: buffer[0..<n], to: master) }
            }
        }
        close(master)
    }
}
