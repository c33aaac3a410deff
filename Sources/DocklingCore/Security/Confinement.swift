/// What keeps a container's processes in: the capabilities they keep, whether exec
/// may ever grant more, whether the system call filter is on, and — with
/// `--privileged` — none of it. Resolved from docker's flags when the container is
/// created and started; dockling-init applies it to every process of the container.
public struct Confinement: Codable, Equatable, Sendable {
    /// The bounding, permitted and effective sets of a root process in the container.
    public var capabilities: CapabilitySet
    /// `--privileged`: every capability, every host device, no masked or read-only
    /// paths, no seccomp filter.
    public var privileged: Bool
    public var noNewPrivileges: Bool
    /// Load docker's default seccomp profile.
    public var seccomp: Bool

    /// Checks and combines the flags as docker does: `--privileged` wins over
    /// `--cap-add`, `--cap-drop` and `seccomp=`, but bad names are errors either way.
    public init(capAdd: [String], capDrop: [String], privileged: Bool,
                securityOptions: [String]) throws {
        let adjusted = try CapabilitySet.dockerDefault.adjusted(add: capAdd, drop: capDrop)
        let options = try SecurityOptions(parsing: securityOptions)
        capabilities = privileged ? .all : adjusted
        self.privileged = privileged
        noNewPrivileges = options.noNewPrivileges
        seccomp = options.seccomp && !privileged
    }
}
