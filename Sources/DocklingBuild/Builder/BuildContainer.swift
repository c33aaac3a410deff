import DocklingCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One RUN step: a container made from the step's parent image by dockling's own runtime
/// (`ContainerFactory` + `ContainerStarter`, so confinement, cgroup, overlay, /etc/hosts and
/// resolv.conf are exactly `dockling run`'s), its output handed over line by line, then
/// removed. What it changed — its overlay upper directory — is moved out first: that
/// folder becomes the step's layer, just as `dockling commit` makes one.
///
/// Nothing is left behind: not on success, not when the command fails, not on Ctrl-C.
public struct BuildContainer {
    public let root: StoreRoot

    public init(root: StoreRoot) { self.root = root }

    /// What to run, all of it decided by the builder.
    public struct Spec: Sendable {
        /// The step's parent image (a build step's image may have no name: see
        /// `ImageStore.makeImage`). `FROM scratch` never reaches here: there is no shell.
        public var image: StoredImage
        /// The command, already wrapped in the stage's SHELL by the builder for the shell form.
        public var argv: [String]
        /// `KEY=VALUE`: the image's Env plus the ARGs in scope; these replace the image's own.
        public var environment: [String]
        public var workingDirectory: String
        public var user: String?
        /// `none` or `host` (the builder maps `default`).
        public var network: String
        /// Each `RUN --mount=…` value as written: `type=cache|tmpfs|bind` (see `RunMount`).
        public var mounts: [String]
        /// The host folders a `type=bind` mount's `from=` names: `""` is the build context,
        /// other keys a stage's name or index, or an image, as the builder has them on disk.
        public var bindRoots: [String: String]
        /// The build context, when a bind mount reads it (no `from=`): what such a mount
        /// shows is a copy of what `.dockerignore` lets through, as BuildKit's context holds.
        public var context: BuildContext?

        public init(image: StoredImage, argv: [String], environment: [String] = [], workingDirectory: String = "/",
                    user: String? = nil, network: String = "none", mounts: [String] = [],
                    bindRoots: [String: String] = [:], context: BuildContext? = nil) {
            self.image = image
            self.argv = argv
            self.environment = environment
            self.workingDirectory = workingDirectory
            self.user = user
            self.network = network
            self.mounts = mounts
            self.bindRoots = bindRoots
            self.context = context
        }
    }

    /// Runs `spec`; `output` gets each line the command writes, stdout and stderr, as it
    /// comes (without its newline). Returns the exit code and, when it is 0, the changes
    /// as a folder in overlayfs spelling, under the store's tmp/, for
    /// `ImageStore.makeImage(parent:changes:config:)` to consume. Throws
    /// `BuildInterrupted` after cleaning up when Ctrl-C (or SIGTERM, SIGHUP, SIGQUIT) came.
    public func run(_ spec: Spec, output: (String) -> Void) throws -> BuildContainerResult {
        var scratch: [String] = []
        defer { scratch.forEach { try? FileManager.default.removeItem(atPath: $0) } }
        // The cache mounts' locks, held until the container is gone (the kernel lets go
        // of them if the build dies): no prune takes a cache mount from under a step.
        var locks: [Int32] = []
        defer { locks.forEach { try? Kernel.close($0, note: "the RUN step is over: let go of its cache mount") } }
        // Ctrl-C waits while the mounts' copies and the container are made and started —
        // no half-made copy or container is left — and is then taken by the output relay,
        // which ends the container.
        let held = try Interrupts.hold(note: "Ctrl-C waits until the RUN step's container runs")
        defer { Interrupts.release(held, note: "the RUN step's container is gone: let a pending Ctrl-C in") }
        let options = try runOptions(spec, scratch: &scratch, locks: &locks)
        let id = ContainerID.generate()
        let monitor = try InitProcess.spawnMonitor(containerID: id)
        let record: ContainerRecord
        do {
            record = try ContainerFactory(root: root).create(options, image: spec.image, id: id, cwd: "/",
                                                             hostEnvironment: { _ in nil })
        } catch {
            monitor.cancel()
            throw error
        }
        let (result, interruptedBy) = try removing(record) {
            let (status, interruptedBy) = try relay(ContainerStarter(root: root).start(record, attach: true, monitor: monitor),
                                                    monitor: monitor, output: output)
            let succeeded = status == 0 && interruptedBy == nil
            return (BuildContainerResult(status: status, changes: succeeded ? try changes(of: record) : nil,
                                         container: ContainerID.short(id)), interruptedBy)
        }
        if let interruptedBy { throw BuildInterrupted(signal: interruptedBy) }
        return result
    }

    /// docker's rules for the container, with the builder's choices over the image's:
    /// the argv exactly as given (the image's Entrypoint and Cmd play no part in a RUN).
    private func runOptions(_ spec: Spec, scratch: inout [String], locks: inout [Int32]) throws -> RunOptions {
        guard !spec.argv.isEmpty else { throw UsageError(step: "build", "a RUN step needs a command") }
        var options = RunOptions(image: spec.image.id.description)
        options.entrypoint = spec.argv.first
        options.command = Array(spec.argv.dropFirst())
        options.environment = spec.environment
        options.workingDirectory = spec.workingDirectory
        options.user = spec.user
        options.network = spec.network
        options.mounts = try spec.mounts.map {
            try RunMount(parsing: $0).containerMount(root: root, workingDirectory: spec.workingDirectory,
                                                     bindRoots: spec.bindRoots, context: spec.context, scratch: &scratch,
                                                     locks: &locks)
        }
        return options
    }

    /// Hands the container's output over line by line until it ends; a signal kills it.
    /// Waits for its monitor, which has let go of the mounts and cgroup by then.
    private func relay(_ client: AttachClient?, monitor: InitProcess,
                       output: (String) -> Void) throws -> (status: Int32, interruptedBy: Int32?) {
        guard let client else {
            _ = try? Kernel.wait(monitor.pid, note: "the RUN step's container did not start: its monitor ends")
            throw UsageError(step: "build", "the RUN step's container did not start")
        }
        var lines = OutputLines()
        var interruptedBy: Int32?
        let status = try client.collectOutput({ lines.feed($0, to: output) }, onSignal: { signal in
            interruptedBy = interruptedBy ?? signal
            if let pid = client.containerPID {
                try? Kernel.kill(pid, SIGKILL, note: "\(Signals.name(signal)) received: end the RUN step's container")
            }
        })
        lines.finish(to: output)
        _ = try? Kernel.wait(monitor.pid, note: "the RUN step's monitor has recorded the end and removed the cgroup")
        return (status, interruptedBy)
    }
}

/// How a RUN step ended.
public struct BuildContainerResult: Sendable {
    /// The command's exit code (128+N when signal N ended it).
    public var status: Int32
    /// The container's upper directory, moved out of it: the step's layer. Nil when
    /// `status` is not 0 (the step failed, and nothing of it is kept).
    public var changes: String?
    /// The container's id, short (12 hex digits), as `--trace` and `docker ps` show it:
    /// the container is removed by now, but the trace tells what it did.
    public var container: String

    public init(status: Int32, changes: String?, container: String) {
        self.status = status
        self.changes = changes
        self.container = container
    }
}
