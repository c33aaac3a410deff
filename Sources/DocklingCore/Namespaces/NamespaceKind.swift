/// The seven kinds of Linux namespace, each hiding one thing a process can see.
public enum NamespaceKind: String, CaseIterable, Codable, Sendable {
    // Creation order matters: the user namespace comes first, so that every other
    // namespace is owned by it and container root has full powers inside them.
    case user, mount, uts, ipc, net, pid, cgroup

    /// The CLONE_NEW* flag that asks the kernel for a new namespace of this kind.
    public var flag: CloneFlags {
        switch self {
        case .user: return .newUser
        case .mount: return .newNS
        case .uts: return .newUTS
        case .ipc: return .newIPC
        case .net: return .newNet
        case .pid: return .newPID
        case .cgroup: return .newCgroup
        }
    }

    /// The name of its link in /proc/PID/ns/.
    public var procName: String {
        switch self {
        case .mount: return "mnt"
        default: return rawValue
        }
    }

    /// What a process inside a new namespace of this kind sees of its own.
    public var isolates: String {
        switch self {
        case .user: return "user and group ids: root inside is an ordinary user outside"
        case .mount: return "the mount table: mounts inside are invisible outside"
        case .uts: return "the hostname"
        case .ipc: return "System V IPC and POSIX message queues"
        case .net: return "network interfaces, routes and ports: only lo at first"
        case .pid: return "process ids: the first process is PID 1"
        case .cgroup: return "the view of /proc/self/cgroup: its cgroup looks like the root"
        }
    }

    /// The union of the flags of several kinds.
    public static func flags(_ kinds: [NamespaceKind]) -> CloneFlags {
        kinds.reduce(into: CloneFlags()) { $0.formUnion($1.flag) }
    }
}
