#if canImport(Glibc)
import Glibc
#endif

/// `docker stop` and `docker kill`: signals to a container's PID 1. In a PID namespace,
/// SIGKILL to PID 1 ends every process of the container; SIGTERM reaches PID 1 only if
/// it installed a handler, which is why stop falls back to SIGKILL after a grace time.
public struct ContainerSignals {
    public let store: ContainerStore

    public init(store: ContainerStore) { self.store = store }

    /// SIGTERM (or the image's stop signal), then SIGKILL after `timeout` seconds.
    public func stop(_ record: ContainerRecord, timeout: Int) throws {
        guard record.state.status == .running, let pid = record.state.pid else { return }
        Tracer.shared.step = "stop"
        try? Kernel.kill(pid, SIGTERM, note: "ask the container's PID 1 to stop; it has \(timeout) s")
        if waitForExit(record, seconds: Double(timeout)) { return }
        try? Kernel.kill(pid, SIGKILL, note: "the grace time is over: SIGKILL ends PID 1 and its whole namespace")
        _ = waitForExit(record, seconds: 10)
    }

    /// Sends `signal` to the container's PID 1 (SIGKILL by default, as docker does).
    public func kill(_ record: ContainerRecord, signal: Int32) throws {
        guard record.state.status == .running, let pid = record.state.pid else {
            throw UsageError(step: "kill", "container \(record.config.name) is not running")
        }
        Tracer.shared.step = "kill"
        try Kernel.kill(pid, signal, note: signal == SIGKILL
            ? "SIGKILL to PID 1: the kernel ends every process in the container's PID namespace"
            : "deliver \(Signals.name(signal)) to the container's PID 1")
        if signal == SIGKILL { _ = waitForExit(record, seconds: 10) }
    }

    /// `rm -f`: SIGKILL to a running container's PID 1, then wait for its monitor to
    /// record the end. A PID 1 that ended on its own meanwhile (ESRCH) is just as gone.
    public func forceEnd(_ record: ContainerRecord) throws {
        do {
            try kill(record, signal: SIGKILL)
        } catch let error as KernelError where error.errno == .ESRCH {
            // It ended between our reading its state and now: what -f asked for.
            _ = waitForExit(record, seconds: 10)
        }
    }

    /// Waits until the monitor has recorded the end (it writes the state, then exits).
    public func waitForExit(_ record: ContainerRecord, seconds: Double) -> Bool {
        let deadline = Monotonic.seconds() + seconds
        var pause = timespec(tv_sec: 0, tv_nsec: 20_000_000)
        repeat {
            guard let current = try? store.load(record.id) else { return true }
            if current.state.status != .running { return true }
            nanosleep(&pause, nil)
        } while Monotonic.seconds() < deadline
        return false
    }
}
