#if canImport(Glibc)
import Glibc
#endif

/// A `dockling-init` started before its container's spec exists.
///
/// A fresh process needs a few milliseconds to load and start its runtime. `dockling
/// run` starts dockling-init first and looks up the image and makes the container while
/// it loads — on another CPU — and only then sends the spec it waits for on descriptor 3.
public final class InitProcess {
    let child: SpawnedProcess
    /// Our ends: the spec goes in, dockling-init's messages come out, our answers go in.
    let specWrite: Int32
    let upRead: Int32
    let downWrite: Int32
    public var pid: pid_t { child.pid }

    private init(child: SpawnedProcess, specWrite: Int32, upRead: Int32, downWrite: Int32) {
        self.child = child
        self.specWrite = specWrite
        self.upRead = upRead
        self.downWrite = downWrite
    }

    /// Starts dockling-init with `stdio` as its descriptors 0-2, in our session.
    public static func spawn(stdio: [Int32]) throws -> InitProcess {
        try spawn(stdio: stdio, containerID: nil)
    }

    /// Starts dockling-init as the monitor of the store container `containerID`: in a
    /// session of its own, its stdio on /dev/null, so that the container outlives this
    /// command. It starts on the container's cgroup while it waits for the spec.
    public static func spawnMonitor(containerID: String) throws -> InitProcess {
        try spawn(stdio: [-1, -1, -1], containerID: containerID)
    }

    /// A monitor (`containerID` given) gets a session of its own.
    private static func spawn(stdio: [Int32], containerID: String?) throws -> InitProcess {
        Tracer.shared.step = "launch"
        let specPipe = try Kernel.pipe(note: "a pipe to send the container spec to dockling-init")
        let up = try Kernel.pipe(note: "a pipe for dockling-init to talk to us")
        let down = try Kernel.pipe(note: "a pipe for us to answer dockling-init")
        var descriptors = stdio + [specPipe.read, up.write, down.read]
        if Tracer.shared.isOn { descriptors.append(Tracer.shared.fd) }
        let path = ContainerLauncher.initExecutable()
        var environment = Tracer.shared.childEnvironment(childFD: ContainerInit.traceFD)
        // With stderr on /dev/null no one could read a crash backtrace, and setting the
        // Swift runtime's backtracer up is a share of the start of every container.
        if stdio.count > 2 && stdio[2] < 0 { environment["SWIFT_BACKTRACE"] = "enable=no" }
        defer { [specPipe.read, up.write, down.read].forEach { _ = close($0) } }
        do {
            let child = try Kernel.spawn(SpawnRequest(
                path: path, argv: ["dockling-init"] + (containerID.map { [$0] } ?? []),
                environment: ProcessEnvironment.entries(environment),
                descriptors: descriptors, newSession: containerID != nil),
                note: "start dockling-init: a fresh single-threaded process to make the namespaces")
            return InitProcess(child: child, specWrite: specPipe.write, upRead: up.read, downWrite: down.write)
        } catch {
            [specPipe.write, up.read, down.write].forEach { _ = close($0) }
            throw StepError(step: "launch", error)
        }
    }

    /// Gives up before sending a spec: dockling-init reads none and exits without a word.
    public func cancel() {
        [specWrite, upRead, downWrite].forEach { _ = close($0) }
        _ = try? Kernel.wait(pid, note: "dockling-init got no container to make and ends")
    }
}
