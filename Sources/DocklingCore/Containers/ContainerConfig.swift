/// What a container is, fixed when it is created: `containers/<id>/config.json`.
public struct ContainerConfig: Codable, Sendable {
    public var id: String
    public var name: String
    /// RFC 3339.
    public var created: String
    /// The image as the user named it, and the id it resolved to.
    public var image: String
    public var imageID: String
    /// The unpacked layers, bottom first: the union's lower directories.
    public var layers: [String]
    /// The command: entrypoint then cmd, after docker's override rules.
    public var argv: [String]
    public var entrypoint: [String]?
    public var cmd: [String]?
    public var environment: [String]
    public var workingDirectory: String
    public var user: String?
    public var hostname: String
    public var mounts: [ContainerMount]
    /// The resource flags as given (`--memory` → `32m`), re-read at each start.
    public var limits: [String: String]
    /// `none` (only lo) or `host`.
    public var network: String
    public var readOnlyRootfs: Bool
    /// A small reaper runs as PID 1 and the command as its child.
    public var initProcess: Bool
    public var autoRemove: Bool
    public var interactive: Bool
    public var tty: Bool
    /// `--cap-add`, `--cap-drop`, `--privileged` and `--security-opt` as given. Optional,
    /// so that containers created before dockling confined them still load (and
    /// start confined by default, as every container now does).
    public var capAdd: [String]?
    public var capDrop: [String]?
    public var privileged: Bool?
    public var securityOptions: [String]?
    /// `--userns`; nil (containers created before it existed) is `host`.
    public var userns: UserNamespaceMode?
    /// The Env as docker keeps it in a container's config, and commits it: the image's,
    /// `--env-file` and `-e`, without what each start adds (see `environment`). nil for
    /// containers made before dockling kept it.
    public var configEnvironment: [String]?

    public var shortID: String { ContainerID.short(id) }

    /// The COMMAND column of `ps`: the command line, quoted as docker quotes it.
    public var commandLine: String { argv.joined(separator: " ") }
}
