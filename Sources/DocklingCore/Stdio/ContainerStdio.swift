/// How the container's first process gets its stdin, stdout and stderr from the monitor.
enum ContainerStdio: Sendable {
    /// Pipes: stdout and stderr apart; stdin a pipe with -i, else /dev/null.
    case pipes(stdin: Int32?, stdout: Int32, stderr: Int32)
    /// A pseudo-terminal the container opens itself, after pivot_root, from its own
    /// /dev/ptmx; the master goes back to the monitor over this socket.
    case terminal(socket: Int32)

    /// Connects the process's descriptors 0, 1 and 2 (the pipe ends are inherited).
    func connectPipes() throws {
        guard case .pipes(let stdin, let stdout, let stderr) = self else { return }
        Tracer.shared.step = "stdio"
        if let stdin { try Kernel.dup2(stdin, 0, note: "stdin is a pipe the monitor fills from attached clients (-i)") }
        try Kernel.dup2(stdout, 1, note: "stdout goes to the monitor, which logs it and passes it on")
        try Kernel.dup2(stderr, 2, note: "stderr goes to the monitor on a pipe of its own")
    }

    /// With -t: a pty from the container's devpts, the master to the monitor, the slave
    /// as stdin, stdout, stderr and controlling terminal of a new session.
    func openTerminal() throws {
        guard case .terminal(let socket) = self else { return }
        Tracer.shared.step = "stdio"
        let pty = try Kernel.openPTY("/dev/ptmx", note: "-t: a new pseudo-terminal in the container's own devpts")
        try Kernel.sendDescriptor(pty.master, over: socket, note: "the master end goes to the monitor, which moves the bytes")
        try Kernel.close(pty.master, note: "the container keeps only the terminal end, \(pty.name)")
        try Kernel.setsid(note: "a new session, so that \(pty.name) can become its controlling terminal")
        try Kernel.setControllingTerminal(pty.slave, note: "Ctrl-C typed at \(pty.name) now reaches the command")
        for fd: Int32 in [0, 1, 2] {
            try Kernel.dup2(pty.slave, fd, note: "descriptor \(fd) is the terminal \(pty.name)")
        }
    }
}
