/// One Linux capability: a slice of root's power that the kernel checks on its own
/// (capabilities(7)). Root in a container is still root on the host unless it loses
/// the slices it does not need, which is what docker's default set is for.
public struct Capability: Hashable, Sendable {
    /// The bit number the kernel uses (`CAP_CHOWN` is 0).
    public let number: Int

    /// The kernel's names in bit order, from <linux/capability.h> (0 … 40, Linux 5.9).
    static let names = [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
        "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
        "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW",
        "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
        "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE",
        "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
        "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE",
        "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ",
        "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
    ]

    /// Every capability dockling knows, in bit order.
    public static let all = names.indices.map { Capability(number: $0) }

    /// `CAP_SYS_ADMIN`, as the kernel and docker name it.
    public var name: String { Self.names[number] }

    init(number: Int) { self.number = number }

    /// A name as docker accepts it: `NET_ADMIN`, `net_admin` or `CAP_NET_ADMIN`.
    public init?(named text: String) {
        let upper = text.uppercased()
        let name = upper.hasPrefix("CAP_") ? upper : "CAP_" + upper
        guard let number = Self.names.firstIndex(of: name) else { return nil }
        self.number = number
    }
}
