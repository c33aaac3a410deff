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

    enum CodingKeys: String, CodingKey {
        case user = "User", exposedPorts = "ExposedPorts", env = "Env", entrypoint = "Entrypoint"
        case cmd = "Cmd", volumes = "Volumes", workingDir = "WorkingDir", labels = "Labels"
        case stopSignal = "StopSignal"
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
