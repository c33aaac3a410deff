import FoundationEssentials

/// `docker create`: checks every option, resolves the image, applies docker's rules for
/// the image's config (Env, Entrypoint and Cmd, WorkingDir, User), and stores the new
/// container. Nothing is created when any of it is wrong.
public struct ContainerFactory {
    public let root: StoreRoot

    public init(root: StoreRoot) { self.root = root }

    /// Stores the container under `id` (docker's kind: 64 hex digits, see `ContainerID`).
    /// `image` is the image already found (a build step's, which no tag names); nil looks
    /// `options.image` up.
    public func create(_ options: RunOptions, image given: StoredImage? = nil, id: String, cwd: String,
                       hostEnvironment: (String) -> String?) throws -> ContainerRecord {
        let limits = options.limits.reduce(into: [String: String]()) { $0[$1.key.rawValue] = $1.value }
        _ = try CgroupLimits(parsing: options.limits)
        guard ["none", "host"].contains(options.network) else {
            throw UsageError(step: "create", "network \(options.network) not found",
                             hint: "dockling has --network none (only lo) and --network host")
        }
        let userns = try UserNamespaceMode(flag: options.userns)
        if let name = options.name, !ContainerName.isValid(name) {
            throw UsageError(step: "create", "invalid container name \"\(name)\"",
                             hint: "only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")
        }
        _ = try Confinement(capAdd: options.capAdd, capDrop: options.capDrop, privileged: options.privileged,
                            securityOptions: options.securityOptions)
        let mounts = try options.volumes.map { try ContainerMount.parseVolume($0, cwd: cwd) }
            + options.tmpfs.map(ContainerMount.parseTmpfs) + options.mounts
        let store = ImageStore(root: root)
        let image = try given ?? store.image(options.image)
        let execution = image.config.config ?? ExecutionConfig()
        let (entrypoint, cmd) = Self.command(image: execution, entrypoint: options.entrypoint, command: options.command)
        let argv = (entrypoint ?? []) + (cmd ?? [])
        guard !argv.isEmpty else {
            throw UsageError(step: "create", "no command specified",
                             hint: "the image has no Cmd or Entrypoint: give a command after the image name")
        }
        let hostname = options.hostname ?? ContainerID.short(id)
        let (environment, configEnvironment) = try Self.environment(image: execution.env ?? [], options: options,
                                                                    hostname: hostname, host: hostEnvironment)
        let config = ContainerConfig(
            id: id, name: options.name ?? ContainerName.random(), created: Timestamp.preciseNow(),
            image: options.image, imageID: image.id.description, layers: try store.layerDirectories(of: image),
            argv: argv, entrypoint: entrypoint, cmd: cmd,
            environment: environment,
            workingDirectory: options.workingDirectory ?? execution.workingDir.flatMap { $0.isEmpty ? nil : $0 } ?? "/",
            user: options.user ?? execution.user.flatMap { $0.isEmpty ? nil : $0 },
            hostname: hostname, mounts: mounts, limits: limits, network: options.network,
            readOnlyRootfs: options.readOnly, initProcess: options.initProcess, autoRemove: options.autoRemove,
            interactive: options.interactive, tty: options.tty,
            capAdd: options.capAdd.nilIfEmpty, capDrop: options.capDrop.nilIfEmpty,
            privileged: options.privileged, securityOptions: options.securityOptions.nilIfEmpty, userns: userns,
            configEnvironment: configEnvironment)
        let containers = ContainerStore(root: root)
        let record = try containers.create(config, nameFromUser: options.name != nil)
        do {
            try createVolumes(mounts)
        } catch {
            try? containers.remove(id)
            throw error
        }
        return record
    }

    /// docker's rule: `--entrypoint` replaces the image's Entrypoint and drops its Cmd;
    /// a command on the line replaces the image's Cmd. The container runs the Entrypoint
    /// then the Cmd, and `inspect` shows both as they are here.
    static func command(image: ExecutionConfig, entrypoint: String?,
                        command: [String]) -> (entrypoint: [String]?, cmd: [String]?) {
        if let entrypoint { return ([entrypoint], command.nilIfEmpty) }
        return (image.entrypoint, command.nilIfEmpty ?? image.cmd)
    }

    /// The image's Env, then `--env-file`, then `-e`, later keys replacing earlier ones;
    /// `-e NAME` alone takes NAME from dockling's own environment. `config` is that list,
    /// as docker keeps it (and commits it); `process` adds what every start gets when
    /// neither set it: PATH, HOSTNAME, HOME, and TERM with -t.
    static func environment(image: [String], options: RunOptions, hostname: String,
                            host: (String) -> String?) throws -> (process: [String], config: [String]) {
        var fromFiles: [String] = []
        for file in options.environmentFiles {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw UsageError(step: "create", "open \(file): no such file or directory", hint: "check --env-file")
            }
            fromFiles += String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        let given = image + fromFiles + options.environment
        var config = EnvironmentList()
        given.forEach { config.set($0, host: host) }
        var process = EnvironmentList()
        (["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=\(hostname)"] + config.entries)
            .forEach { process.set($0) }
        if !process.contains("HOME") { process.set("HOME=/root") }
        if options.tty, !process.contains("TERM") { process.set("TERM=xterm") }
        return (process.entries, config.entries)
    }

    /// Named volumes live in `volumes/NAME/_data` and outlast their containers.
    private func createVolumes(_ mounts: [ContainerMount]) throws {
        let volumes = VolumeStore(root: root)
        for mount in mounts where mount.kind == .volume { try volumes.create(mount.source) }
    }
}
