import DocklingCore

/// `dockling run` is the command whose start people feel, and dockling-init needs a
/// few milliseconds to load. So `run` starts it, with the new container's id, before
/// ArgumentParser has even read the options — another two milliseconds or so. Not
/// when `--trace` is on the line: the trace's descriptor is handed over at the start.
/// A line that turns out not to parse ends the command, and with it the spec pipe:
/// dockling-init then undoes its ground work and exits.
enum EarlyMonitor {
    nonisolated(unsafe) private static var started: (id: String, monitor: InitProcess)?

    static func start(for arguments: [String]) {
        guard arguments.dropFirst().first == "run",
              !arguments.contains(where: { $0 == "--trace" || $0.hasPrefix("--trace=") }) else { return }
        started = try? spawn()
    }

    /// The monitor started early, or one started now.
    static func take() throws -> (id: String, monitor: InitProcess) {
        if let early = started {
            started = nil
            return early
        }
        return try spawn()
    }

    private static func spawn() throws -> (id: String, monitor: InitProcess) {
        let id = ContainerID.generate()
        return (id, try InitProcess.spawnMonitor(containerID: id))
    }
}
