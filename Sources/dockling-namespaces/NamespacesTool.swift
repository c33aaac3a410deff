import ArgumentParser
import DocklingCLI
import DocklingCore

/// Runs one command in new namespaces and shows which ones changed.
struct NamespacesTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dockling-namespaces",
        abstract: "Run a command in new namespaces: what a container can see.",
        discussion: "With no kind named, every kind is new. The command runs inside the busybox root filesystem unless --rootfs names another.")

    @Flag(help: "A new PID namespace: the command is PID 1.") var pid = false
    @Flag(help: "A new UTS namespace: its own hostname.") var uts = false
    @Flag(help: "A new mount namespace: its own mount table and root.") var mount = false
    @Flag(help: "A new IPC namespace.") var ipc = false
    @Flag(help: "A new network namespace: only lo.") var net = false
    @Flag(help: "A new user namespace: root inside is unprivileged outside.") var user = false
    @Flag(name: .customLong("cgroupns"), help: "A new cgroup namespace.") var cgroup = false
    @Option(help: "The hostname inside (needs a UTS namespace).") var hostname = "dockling"
    @Option(help: "The root filesystem to run in (default: busybox).") var rootfs: String?
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(parsing: .postTerminator, help: "The command and its arguments, after --.")
    var command: [String] = []

    func run() throws {
        try trace.apply()
        let selected = zip([pid, uts, mount, ipc, net, user, cgroup],
                           [NamespaceKind.pid, .uts, .mount, .ipc, .net, .user, .cgroup]).filter(\.0).map(\.1)
        let kinds = selected.isEmpty ? NamespaceKind.allCases : NamespaceKind.allCases.filter(selected.contains)
        let settings = try NamespaceSettings(kinds: kinds, hostname: hostname, rootfs: rootfs,
                                             argv: command, root: store.root)
        let launcher = ContainerLauncher(spec: settings.spec)
        let code = try launcher.run { launched in
            Output.write(NamespaceReport.render(chosen: kinds, containerPID: launched.containerPID,
                                                mapping: settings.spec.idMapping), to: 2)
        }
        throw ExitWith(code)
    }
}
