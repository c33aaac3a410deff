extension InitSpec {
    /// In a user namespace, root inside cannot build the union from the layers as they
    /// are on disk; dockling-init, still host root, builds it before the clone.
    mutating func prepareIDMappedUnion() throws {
        guard has(.user), let overlay else { return }
        idmappedUnion = try IDMappedUnion.make(overlay, mapping: idMapping ?? .unprivileged, volatile: volatileOverlay)
    }
}
