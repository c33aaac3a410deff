// OCI image-spec config.md — the "config" object: execution parameters a runtime uses
// as defaults when it starts a container from the image.

/// How a container of this image starts, unless the user says otherwise.
public struct ExecutionConfig: Codable, Sendable, Equatable {
    public var user: String?
    public var exposedPorts: [String: EmptyObject]?
    public var env: [String]?
    public var entrypoint: [String]?
    public var cmd: [String]?
    public var volumes: [String: EmptyObject]?
    public var workingDir: String?
    public var labels: [String: String]?
    public var stopSignal: String?
    // Docker's extensions to the OCI config (moby/docker-image-spec, specs-go/v1/image.go):
    // OCI has no place for them, so docker and podman (`--format docker`) write them here.
    /// `HEALTHCHECK`: how to tell that a container of the image works.
    public var healthcheck: Healthcheck?
    /// `ONBUILD`: instructions, as written, that a build `FROM` this image runs first.
    public var onBuild: [String]?
    /// `SHELL`: what the shell forms of RUN, CMD and ENTRYPOINT run in (`/bin/sh -c` when nil).
    public var shell: [String]?

    enum CodingKeys: String, CodingKey {
        case user = "User", exposedPorts = "ExposedPorts", env = "Env", entrypoint = "Entrypoint"
        case cmd = "Cmd", volumes = "Volumes", workingDir = "WorkingDir", labels = "Labels"
        case stopSignal = "StopSignal", healthcheck = "Healthcheck", onBuild = "OnBuild", shell = "Shell"
    }

    public init(env: [String]? = nil, entrypoint: [String]? = nil, cmd: [String]? = nil,
                workingDir: String? = nil) {
        self.env = env
        self.entrypoint = entrypoint
        self.cmd = cmd
        self.workingDir = workingDir
    }
}

/// The `{}` that OCI uses as the value of a set member (`"80/tcp": {}`).
public struct EmptyObject: Codable, Sendable, Equatable {
    public init() {}
}
