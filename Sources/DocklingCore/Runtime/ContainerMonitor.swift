#if canImport(Glibc)
import Glibc
#endif

/// `dockling-init` as the watcher of a store container, outside its namespaces like a
/// runtime's shim: it makes the cgroup before the container exists, copies the
/// container's output to the json-file log (and to its own output when someone is
/// attached), and records how the container ended — whether or not the dockling
/// command that started it is still around.
final class ContainerMonitor {
    let spec: MonitorSpec
    private let cgroup: CgroupSession
    private let output: (read: Int32, write: Int32)
    private let errors: (read: Int32, write: Int32)

    init(_ spec: MonitorSpec) throws {
        self.spec = spec
        Tracer.shared.step = "cgroups"
        cgroup = try CgroupSession.create(name: spec.containerID, limits: spec.cgroupLimits())
        do {
            Tracer.shared.step = "stdio"
            output = try Kernel.pipe(note: "the container's stdout comes to us, for the log")
            errors = try Kernel.pipe(note: "the container's stderr comes to us, kept apart from stdout")
        } catch {
            cgroup.discard()
            throw error
        }
    }

    /// The descriptors the container's first process uses as stdout and stderr.
    var containerOutput: (stdout: Int32, stderr: Int32) { (output.write, errors.write) }

    /// Puts the container's first process in its cgroup before it may exec.
    func adopt(_ pid: pid_t) throws {
        Tracer.shared.step = "cgroups"
        try cgroup.add(pid: pid)
        close(output.write)
        close(errors.write)
    }

    /// Gives up on a container that never started: its cgroup goes, its state says why.
    func abandon(_ reason: String) {
        cgroup.discard()
        _ = try? spec.store.updateState(spec.containerID) {
            $0.status = .exited
            $0.exitCode = 125
            $0.error = reason
        }
    }

    /// Copies output until the container's last process has closed it, then waits for
    /// PID 1, records the end, and cleans up. Returns the exit status.
    func watch(_ child: pid_t) throws -> WaitStatus {
        let log = try JSONLogWriter(path: spec.store.directory(spec.containerID) + "/container.log")
        var streams: [(fd: Int32, name: String, to: Int32)] = [(output.read, "stdout", 1), (errors.read, "stderr", 2)]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !streams.isEmpty {
            var polls = streams.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            guard poll(&polls, nfds_t(polls.count), -1) >= 0 || errno == EINTR else { break }
            var ended: [Int] = []
            // In stream order, so that output written together is logged stdout first.
            for (index, entry) in polls.enumerated() where entry.revents != 0 {
                let n = read(entry.fd, &buffer, buffer.count)
                if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                let stream = streams[index]
                if n <= 0 {
                    log.flush(stream: stream.name)
                    close(stream.fd)
                    ended.append(index)
                    continue
                }
                Output.write(bytes: buffer[0..<n], to: stream.to)
                log.append(buffer[0..<n], stream: stream.name)
            }
            for index in ended.reversed() { streams.remove(at: index) }
        }
        Tracer.shared.step = "wait"
        let status = try Kernel.wait(child, note: "the container's PID 1 has ended")
        finish(status)
        return status
    }

    private func finish(_ status: WaitStatus) {
        Tracer.shared.step = "cgroups"
        let stats = cgroup.stats()
        let oomKilled = status == .signaled(SIGKILL) && (stats.oomKills ?? 0) > 0
        cgroup.discard()
        _ = try? spec.store.updateState(spec.containerID) {
            $0.status = .exited
            $0.exitCode = status.exitCode
            $0.oomKilled = oomKilled
            $0.finishedAt = JSONLogWriter.now()
        }
        if spec.autoRemove { try? spec.store.remove(spec.containerID) }
    }
}
