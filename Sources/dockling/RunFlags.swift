import ArgumentParser
import DocklingCLI
import DocklingCore

/// The options `dockling run` and `dockling create` share, spelled as docker spells them.
struct RunFlags: ParsableArguments {
    @Option(help: "Assign a name to the container.") var name: String?
    @Option(name: [.short, .customLong("env")], help: "Set an environment variable (K=V, or K to copy it).")
    var env: [String] = []
    @Option(name: .customLong("env-file"), help: "Read environment variables from a file.") var envFile: [String] = []
    @Option(name: [.short, .customLong("workdir")], help: "Working directory inside the container.") var workdir: String?
    @Option(name: [.short, .customLong("user")], help: "Username or UID (format: name|uid[:group|gid]).") var user: String?
    @Option(help: "Container host name.") var hostname: String?
    @Option(help: "Overwrite the default ENTRYPOINT of the image.") var entrypoint: String?
    @Option(name: [.short, .customLong("volume")], help: "Bind mount a volume (HOST:CTR[:ro] or NAME:CTR[:ro]).")
    var volume: [String] = []
    @Option(help: "Mount a tmpfs directory (CTR[:OPTIONS]).") var tmpfs: [String] = []
    @OptionGroup var limits: LimitOptions
    @Option(help: "Network: none (only lo) or host.") var network = "none"
    @Option(help: "User namespace: host (the default: container root is host root) or remap (container root is host uid 100000).")
    var userns = "host"
    @Flag(name: .customLong("read-only"), help: "Mount the container's root filesystem as read only.") var readOnly = false
    @Flag(help: "Run a small init inside the container that forwards signals and reaps processes.")
    var `init` = false
    @Flag(name: [.short, .customLong("interactive")], help: "Keep STDIN open.") var interactive = false
    @Flag(name: [.short, .customLong("tty")], help: "Allocate a pseudo-TTY.") var tty = false
    @Flag(help: "Automatically remove the container when it exits.") var rm = false
    @Option(name: .customLong("cap-add"), help: "Add Linux capabilities (NET_ADMIN or CAP_NET_ADMIN, or ALL).")
    var capAdd: [String] = []
    @Option(name: .customLong("cap-drop"), help: "Drop Linux capabilities (or ALL).") var capDrop: [String] = []
    @Flag(help: "Give extended privileges to this container: every capability and host device, no seccomp.")
    var privileged = false
    @Option(name: .customLong("security-opt"), help: "Security options: no-new-privileges, seccomp=unconfined.")
    var securityOpt: [String] = []

    /// Options dockling does not know end up first in the passthrough list (`--help`
    /// too, which the command answers first: `PassthroughCommand.answerHelp`).
    static func validate(imageAndCommand: [String]) throws {
        guard let image = imageAndCommand.first else {
            throw ValidationError("requires at least 1 argument: IMAGE [COMMAND] [ARG...]")
        }
        if image.hasPrefix("-") { throw ValidationError("unknown flag: \(image)") }
    }

    /// The options for the core, with the image and the command from the line.
    func options(imageAndCommand: [String]) throws -> RunOptions {
        try Self.validate(imageAndCommand: imageAndCommand)
        var options = RunOptions(image: imageAndCommand[0])
        options.command = Array(imageAndCommand.dropFirst())
        options.name = name
        options.autoRemove = rm
        options.environment = env
        options.environmentFiles = envFile
        options.workingDirectory = workdir
        options.user = user
        options.hostname = hostname
        options.entrypoint = entrypoint
        options.volumes = volume
        options.tmpfs = tmpfs
        options.limits = limits.given
        options.network = network
        options.userns = userns
        options.readOnly = readOnly
        options.initProcess = `init`
        options.interactive = interactive
        options.tty = tty
        options.capAdd = capAdd
        options.capDrop = capDrop
        options.privileged = privileged
        options.securityOptions = securityOpt
        return options
    }

    /// Creates the container.
    func create(imageAndCommand: [String], root: StoreRoot, id: String = ContainerID.generate()) throws -> ContainerRecord {
        try ContainerFactory(root: root).create(options(imageAndCommand: imageAndCommand), id: id, cwd: Path.currentDirectory(),
                                                       hostEnvironment: ProcessEnvironment.value)
    }
}
