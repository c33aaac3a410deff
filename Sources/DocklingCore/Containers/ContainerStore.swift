import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The containers under `<root>/containers/<id>/`: config.json, state.json, the union's
/// upper and work directories, and the log.
public struct ContainerStore: Sendable {
    public let root: StoreRoot

    public init(root: StoreRoot) { self.root = root }

    public func directory(_ id: String) -> String { root.containers + "/" + id }

    /// Creates a container's folder: built under a temporary name and renamed into place,
    /// so a crash never leaves half a container. Names are unique (checked under a lock).
    /// Without a name from the user, one that is free is picked here, under the lock.
    public func create(_ config: ContainerConfig, nameFromUser: Bool) throws -> ContainerRecord {
        Tracer.shared.step = "create"
        try FileManager.default.createDirectory(atPath: root.containers, withIntermediateDirectories: true)
        return try FileLock.withLock(root.containersLock, note: "one dockling at a time picks names") {
            var config = config
            let taken = names()
            if taken.contains(config.name) {
                guard !nameFromUser else {
                    throw UsageError(step: "create", "the container name \"/\(config.name)\" is already in use",
                                     hint: "remove that container or choose another --name")
                }
                config.name = ContainerName.unused(avoiding: taken)
            }
            let staging = root.containers + "/" + UnfinishedContainerFolder.creationName(of: config.id)
            let files = FileManager.default
            try Interrupts.holding(note: "Ctrl-C waits until the container exists, or is gone again") {
                do {
                    for sub in ["upper", "work", "merged"] {
                        try files.createDirectory(atPath: "\(staging)/\(sub)", withIntermediateDirectories: true)
                    }
                    // A --rm container's config dies with it: no need to outlive a crash.
                    try AtomicFile.write(json: config, to: staging + "/config.json", durable: !config.autoRemove)
                    try AtomicFile.write(json: ContainerState.created, to: staging + "/state.json", durable: false)
                    try Kernel.rename(staging, to: directory(config.id), note: "the container now exists")
                } catch {
                    try? files.removeItem(atPath: staging)
                    throw error
                }
            }
            return ContainerRecord(config: config, state: .created, directory: directory(config.id))
        }
    }

    /// Every complete container (half-made `.new-*` folders are prune's business).
    public func all() throws -> [ContainerRecord] {
        ids().compactMap { try? load($0) }
    }

    /// The ids of the complete containers: every folder whose name is a container id.
    func ids() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.containers)) ?? []).filter(ContainerID.isValid)
    }

    /// The names in use. Every create reads them under the lock: only the `name` of each
    /// config.json is decoded, not every container's config and state.
    private func names() -> Set<String> {
        Set(ids().compactMap { try? AtomicFile.read(NameField.self, from: directory($0) + "/config.json").name })
    }

    private struct NameField: Decodable {
        let name: String
    }

    public func load(_ id: String) throws -> ContainerRecord {
        let dir = directory(id)
        let config = try AtomicFile.read(ContainerConfig.self, from: dir + "/config.json")
        var state = try AtomicFile.read(ContainerState.self, from: dir + "/state.json")
        let monitorKilled = ContainerLiveness.reconcile(&state)
        return ContainerRecord(config: config, state: state, directory: dir, monitorKilled: monitorKilled)
    }

    /// Changes a container's state under its lock, so that the monitor and the CLI
    /// never overwrite each other's news.
    @discardableResult
    public func updateState(_ id: String, _ change: (inout ContainerState) throws -> Void) throws -> ContainerState {
        let dir = directory(id)
        return try FileLock.withLock(directory: dir, note: "one writer of the container's state at a time") {
            var state = try AtomicFile.read(ContainerState.self, from: dir + "/state.json")
            try change(&state)
            // Runtime state: after a crash of the machine, liveness checks correct it.
            try AtomicFile.write(json: state, to: dir + "/state.json", durable: false)
            return state
        }
    }

    /// Deletes a stopped container's folder: renamed aside first, so that it vanishes
    /// from every listing in one step even if the deletion itself is interrupted. Its
    /// cgroups go too, in case its monitor was killed before it could remove them.
    public func remove(_ id: String) throws {
        let doomed = try detach(id)
        _ = ContainerCgroups.removeLeftovers(id: id, folder: doomed)
        try FileManager.default.removeItem(atPath: doomed)
    }

    /// The first half of `remove`: the container vanishes from every listing. Returns
    /// the renamed folder, which is then deleted; `system prune` deletes it if that
    /// never happens.
    public func detach(_ id: String) throws -> String {
        let doomed = root.containers + "/" + UnfinishedContainerFolder.removalName(of: id)
        try FileLock.withLock(root.containersLock, note: "one dockling at a time adds or removes containers") {
            try Kernel.rename(directory(id), to: doomed, note: "the container is gone from every listing")
        }
        return doomed
    }

    /// Finds a container by full id, unique id prefix, or name — as docker does.
    public func find(_ reference: String) throws -> ContainerRecord {
        let all = try all()
        if let exact = all.first(where: { $0.id == reference || $0.config.name == reference }) { return exact }
        let matches = all.filter { $0.id.hasPrefix(reference) }
        if matches.count == 1, !reference.isEmpty { return matches[0] }
        if matches.count > 1 {
            throw UsageError(step: "containers", "multiple containers found with id prefix \(reference)")
        }
        throw NoSuchContainer(reference: reference)
    }
}

/// docker's wording for a container that is not there.
public struct NoSuchContainer: DocklingFailure {
    public let reference: String
    public var step: String { "containers" }
    public var what: String { "No such container: \(reference)" }
}
