/// `--userns`: whether a container gets a user namespace of its own.
///
/// docker spells the default `host` (`--userns=host`: root inside is root on the host)
/// and remaps only daemon-wide (`userns-remap`); dockling does it per container with
/// `--userns=remap`: container root is host uid 100000, and the 65536 ids above it
/// are the container's (`IDMapping.unprivileged`).
public enum UserNamespaceMode: String, Codable, Sendable {
    case host, remap

    public init(flag: String) throws {
        guard let mode = Self(rawValue: flag) else {
            throw UsageError(step: "create", "invalid --userns \"\(flag)\"",
                             hint: "dockling has --userns=host (the default) and --userns=remap (container root is host uid 100000)")
        }
        self = mode
    }
}
