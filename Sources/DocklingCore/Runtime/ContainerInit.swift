import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The child side of the process model, run by `dockling-init`: a freshly exec'd,
/// single-threaded process (no Dispatch, no async), because unshare(CLONE_NEWUSER)
/// and setns into a mount namespace refuse a process that has several threads.
///
/// It creates the namespaces, forks so that its child is PID 1 of the new PID
/// namespace, reports that pid to the parent, and waits for it to end.
public enum ContainerInit {
    /// Descriptors the parent hands over: the spec, and a pipe each way.
    public static let specFD: Int32 = 3
    public static let toParentFD: Int32 = 4
    public static let fromParentFD: Int32 = 5
    /// The trace sink, when the parent traces.
    public static let traceFD: Int32 = 6

    /// Signals the middle process ignores: the parent decides what Ctrl-C means.
    static let ignored: [Int32] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU]

    public static func main() -> Never {
        Tracer.shared.step = "namespaces"
        let toParent = SyncChannel(fd: toParentFD)
        let spec: InitSpec
        do {
            spec = try JSONDecoder().decode(InitSpec.self, from: readAll(specFD))
        } catch {
            fail(toParent, code: 125, "init: cannot read the container spec: \(error)")
        }
        Glibc.close(specFD)
        do {
            let child = try createNamespaces(spec, toParent: toParent)
            Glibc.close(toParentFD)
            Glibc.close(fromParentFD)
            let status = try Kernel.wait(child, note: "wait for the container's first process to end")
            exit(status.exitCode)
        } catch {
            fail(toParent, code: 125, "namespaces: \(error)")
        }
    }

    private static func createNamespaces(_ spec: InitSpec, toParent: SyncChannel) throws -> pid_t {
        for signal in ignored { Glibc.signal(signal, SIG_IGN) }
        if spec.dieWithParent { try dieWithParent() }
        if spec.has(.user) {
            try Kernel.unshare(.newUser, note: "a user namespace first, so that it owns every namespace made after it")
            try toParent.send(.needMaps, note: "ask the parent to write our uid and gid maps")
            guard SyncChannel(fd: fromParentFD).receive() == .mapsWritten else {
                throw UsageError(step: "namespaces", "the parent did not write the id maps")
            }
        }
        let others = spec.namespaces.filter { $0 != .user }
        if !others.isEmpty {
            try Kernel.unshare(NamespaceKind.flags(others),
                               note: "new namespaces: \(others.map(\.rawValue).joined(separator: ", "))")
        }
        let pid = try Kernel.fork(note: spec.has(.pid)
            ? "fork: the child is the first process of the new PID namespace, its PID 1"
            : "fork the process that will exec the command")
        if pid == 0 { ContainerProcess.run(spec) }
        try toParent.send(.containerPID(pid), note: "tell the parent the container's host pid")
        return pid
    }

    static func dieWithParent() throws(KernelError) {
        try Kernel.prctl(1 /* PR_SET_PDEATHSIG */, name: "PR_SET_PDEATHSIG", UInt(SIGKILL), argText: "SIGKILL",
                         note: "if the process that started us dies, the kernel kills us too")
    }

    /// Reports a failure to the parent (which prints it) and exits.
    static func fail(_ channel: SyncChannel, code: Int32, _ message: String) -> Never {
        let oneLine = message.replacing("\n", with: " ")
        try? channel.send(.failed(code: code, message: oneLine), note: "report the failure to the parent")
        exit(code)
    }

    private static func readAll(_ fd: Int32) -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = read(fd, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return data }
            data.append(contentsOf: chunk[0..<n])
        }
    }
}
