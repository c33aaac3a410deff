/// `docker inspect` of a container: the same keys docker uses, so that what a learner
/// reads here reads the same there.
public struct ContainerInspection: Encodable {
    struct StateInfo: Encodable {
        let Status: String
        let Running: Bool
        let Paused = false
        let Restarting = false
        let OOMKilled: Bool
        let Dead = false
        let Pid: Int32
        let ExitCode: Int32
        let Error: String
        let StartedAt: String
        let FinishedAt: String
    }

    struct ConfigInfo: Encodable {
        let Hostname: String
        let User: String
        let Tty: Bool
        let OpenStdin: Bool
        let Env: [String]
        let Cmd: [String]?
        let Image: String
        let WorkingDir: String
        let Entrypoint: [String]?
        /// dockling sets no labels on containers; docker shows an empty map then, so
        /// that `{{index .Config.Labels "k"}}` works on every container.
        let Labels: [String: String] = [:]
    }

    struct HostConfigInfo: Encodable {
        let Binds: [String]
        let NetworkMode: String
        let AutoRemove: Bool
        let ReadonlyRootfs: Bool
        let Init: Bool
        let Tmpfs: [String: String]
        let Memory: Int64
        let MemorySwap: Int64
        let NanoCpus: Int64
        let CpuShares: Int64
        let CpuQuota: Int64 = 0
        let CpuPeriod: Int64 = 0
        let PidsLimit: Nullable<Int64>
        let BlkioWeight: Int64
        let CapAdd: [String]?
        let CapDrop: [String]?
        let Privileged: Bool
        let SecurityOpt: [String]?
        /// "" for the default (as docker shows it), "remap" with a user namespace.
        let UsernsMode: String
    }

    struct MountInfo: Encodable {
        let `Type`: String
        let Name: String?
        let Source: String
        let Destination: String
        let RW: Bool
    }

    struct GraphDriverInfo: Encodable {
        let Name = "overlay2"
        let Data: [String: String]
    }

    let Id: String
    let Created: String
    let Path: String
    let Args: [String]
    let State: StateInfo
    let Image: String
    let Name: String
    let Config: ConfigInfo
    let HostConfig: HostConfigInfo
    let Mounts: [MountInfo]
    let GraphDriver: GraphDriverInfo

    public init(_ record: ContainerRecord, root: StoreRoot) {
        let config = record.config
        let state = record.state
        Id = config.id
        Created = config.created
        Path = config.argv.first ?? ""
        Args = Array(config.argv.dropFirst())
        State = StateInfo(Status: state.status.rawValue, Running: state.status == .running,
                      OOMKilled: state.oomKilled, Pid: state.status == .running ? state.pid ?? 0 : 0,
                      ExitCode: state.exitCode ?? 0, Error: state.error ?? "",
                      StartedAt: state.startedAt ?? "0001-01-01T00:00:00Z",
                      FinishedAt: state.finishedAt ?? "0001-01-01T00:00:00Z")
        Image = config.imageID
        Name = "/" + config.name
        Config = ConfigInfo(Hostname: config.hostname, User: config.user ?? "", Tty: config.tty,
                       OpenStdin: config.interactive, Env: config.environment, Cmd: config.cmd,
                       Image: config.image, WorkingDir: config.workingDirectory, Entrypoint: config.entrypoint)
        let resources = Resources(flags: config.limits)
        HostConfig = HostConfigInfo(
            Binds: config.mounts.filter { $0.kind != .tmpfs }.map { "\($0.source ?? ""):\($0.destination)" + ($0.readOnly ? ":ro" : "") },
            NetworkMode: config.network, AutoRemove: config.autoRemove, ReadonlyRootfs: config.readOnlyRootfs,
            Init: config.initProcess,
            Tmpfs: config.mounts.filter { $0.kind == .tmpfs }.reduce(into: [:]) { $0[$1.destination] = $1.options ?? "" },
            Memory: resources.memory, MemorySwap: resources.memorySwap, NanoCpus: resources.nanoCpus,
            CpuShares: resources.cpuShares, PidsLimit: Nullable(resources.pidsLimit), BlkioWeight: resources.blkioWeight,
            CapAdd: config.capAdd, CapDrop: config.capDrop,
            Privileged: config.privileged ?? false, SecurityOpt: config.securityOptions,
            UsernsMode: config.userns == .remap ? "remap" : "")
        Mounts = config.mounts.filter { $0.kind != .tmpfs }.map { mount in
            MountInfo(Type: mount.kind.rawValue, Name: mount.kind == .volume ? mount.source : nil,
                  Source: mount.kind == .volume ? root.volumeData(mount.source ?? "") : mount.source ?? "",
                  Destination: mount.destination, RW: !mount.readOnly)
        }
        GraphDriver = GraphDriverInfo(Data: ["LowerDir": config.layers.reversed().joined(separator: ":"),
                                   "UpperDir": record.upper, "WorkDir": record.work, "MergedDir": record.merged])
    }
}
