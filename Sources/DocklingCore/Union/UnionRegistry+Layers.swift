import FoundationEssentials

extension UnionRegistry {
    /// The layers under every union that is mounted now: what garbage collection must keep.
    public func mountedLayers() -> [String] {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let mounted = Set(((try? MountTable.current())?.entries ?? []).map(\.mountPoint))
        return folders.compactMap { try? AtomicFile.read(UnionRecord.self, from: directory + "/" + $0 + "/mount.json") }
            .filter { mounted.contains($0.target) }
            .flatMap(\.union.layers)
    }
}
