/// A stored container's confinement, from the flags it was created with.
extension ContainerConfig {
    func confinement() throws -> Confinement {
        try Confinement(capAdd: capAdd ?? [], capDrop: capDrop ?? [], privileged: privileged ?? false,
                        securityOptions: securityOptions ?? [])
    }
}

extension Array {
    /// nil for an empty array: docker's inspect shows `null` for a flag never given.
    var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
