import FoundationEssentials

/// Named volumes: `volumes/<name>/_data` is what containers see, `volumes/<name>/volume.json`
/// what `docker volume inspect` shows beside it (when it was made, its labels). A volume
/// outlives every container that mounts it, until `volume rm` or a prune.
public struct VolumeStore {
    public let root: StoreRoot

    public init(root: StoreRoot) { self.root = root }

    /// What is kept beside a volume's files.
    struct Record: Codable {
        var createdAt: String
        var labels: [String: String]?
    }

    /// Makes the volume unless it exists (as docker, which answers with its name either
    /// way); no name makes an anonymous one with a random 64-hex name.
    @discardableResult
    public func create(_ name: String? = nil, labels: [String: String] = [:]) throws -> String {
        let name = name ?? ContainerID.generate()
        guard ContainerName.isValid(name) else {
            throw VolumeError("create \(name): \"\(name)\" includes invalid characters for a local volume name, "
                              + "only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. "
                              + "If you intended to pass a host directory, use absolute path")
        }
        if exists(name) { return name }
        try FileManager.default.createDirectory(atPath: root.volumeData(name), withIntermediateDirectories: true)
        let record = Record(createdAt: Timestamp.now(), labels: labels.isEmpty ? nil : labels)
        try AtomicFile.write(JSONCoding.encode(record), to: recordPath(name), durable: false)
        return name
    }

    /// The volumes, sorted by name.
    public func names() -> [String] {
        Path.children(of: root.volumes).map { Path.base(of: $0) }.filter { exists($0) }.sorted()
    }

    public func exists(_ name: String) -> Bool {
        FileIO.statFollowing(root.volumeData(name))?.isDirectory == true
    }

    /// What `volume inspect` shows.
    public func inspection(_ name: String) throws -> VolumeInspection {
        guard exists(name) else { throw VolumeError.noSuchVolume(name) }
        // A volume made by `run -v` before volumes had records shows its folder's age.
        let record = try? AtomicFile.read(Record.self, from: recordPath(name))
        return VolumeInspection(name: name, mountpoint: root.volumeData(name),
                                createdAt: record?.createdAt ?? Timestamp.now(), labels: record?.labels)
    }

    /// The ids of the containers, running or not, that mount the volume: docker keeps a
    /// volume a stopped container names.
    public func users(of name: String) -> [String] {
        ((try? ContainerStore(root: root).all()) ?? []).filter { record in
            record.config.mounts.contains { $0.kind == .volume && $0.source == name }
        }.map(\.id).sorted()
    }

    /// `volume rm`: refused while a container uses it, even with `force` (as docker).
    public func remove(_ name: String, force: Bool) throws {
        guard exists(name) else {
            if force { return }
            throw VolumeError.noSuchVolume(name)
        }
        let users = users(of: name)
        guard users.isEmpty else {
            throw VolumeError("remove \(name): volume is in use - [\(users.joined(separator: " "))]")
        }
        try FileManager.default.removeItem(atPath: root.volumes + "/" + name)
    }

    /// Removes every volume whose name is not in `inUse`; returns their names and the
    /// bytes their files took.
    public func prune(inUse: Set<String>) throws -> (names: [String], bytes: Int64) {
        var removed: [String] = []
        var bytes: Int64 = 0
        for name in names() where !inUse.contains(name) {
            bytes += SystemPrune.size(root.volumeData(name))
            try FileManager.default.removeItem(atPath: root.volumes + "/" + name)
            removed.append(name)
        }
        return (removed, bytes)
    }

    /// Volumes any container, running or stopped, names.
    public func namesInUse() -> Set<String> {
        Set(((try? ContainerStore(root: root).all()) ?? []).flatMap { record in
            record.config.mounts.filter { $0.kind == .volume }.compactMap(\.source)
        })
    }

    private func recordPath(_ name: String) -> String { root.volumes + "/" + name + "/volume.json" }
}
