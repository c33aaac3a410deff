#if canImport(Glibc)
import Glibc
#endif

/// The STDIN/STDOUT concept alone, with no namespaces: a command started with its
/// descriptors 0, 1 and 2 pointing where docker's -i, -t and -d would point them.
public struct StdioSession {
    public enum Mode: Sendable {
        /// Pipes to dockling-stdio (stdin a pipe with -i, else /dev/null).
        case pipes(interactive: Bool)
        /// -t: a pseudo-terminal; its slave is the command's stdin, stdout, stderr and
        /// controlling terminal; dockling-stdio holds the master.
        case terminal
        /// -d: stdout and stderr go to a log file; nobody waits.
        case detached(log: String)
    }

    public let argv: [String]
    public let mode: Mode

    public init(argv: [String], mode: Mode) {
        self.argv = argv
        self.mode = mode
    }

    /// Starts the command, shows where its descriptors point (before it runs), moves the
    /// bytes, and returns its exit code (0 at once when detached).
    public func run() throws -> Int32 {
        Tracer.shared.step = "stdio"
        guard let path = Path.lookup(argv[0], path: ProcessEnvironment.value("PATH"),
                                     isExecutable: { access($0, X_OK) == 0 }) else {
            throw UsageError(step: "stdio", "exec: \"\(argv[0])\": executable file not found in $PATH")
        }
        let plumbing = try StdioPlumbing(mode)
        let go = try Kernel.socketPair(note: "the command says when its descriptors are in place, then waits for go")
        var request = SpawnRequest(path: path, argv: argv, environment: ProcessEnvironment.entries(),
                                   descriptors: plumbing.childDescriptors, goDescriptor: go.1)
        request.newSession = plumbing.newSession
        request.controllingTerminal = plumbing.terminal != nil
        let child = try Kernel.spawn(request, note: "start the command with its descriptors in place")
        close(go.1)
        plumbing.closeChildEnds()
        var byte: UInt8 = 0
        if read(go.0, &byte, 1) == 1 {
            Output.write("descriptors of \(argv[0]) (pid \(child.pid)), from /proc/\(child.pid)/fd:\n"
                         + DescriptorDescription.table(pid: child.pid), to: 2)
        }
        _ = write(go.0, &byte, 1)
        close(go.0)
        try child.awaitExec(note: "the command runs")
        plumbing.traceChildCalls(pid: child.pid)
        if case .detached(let log) = mode {
            Output.write("detached: \(argv[0]) runs on; its output goes to \(log)\n", to: 2)
            return 0
        }
        plumbing.relay()
        return try Kernel.wait(child.pid, note: "the command has ended").exitCode
    }
}
