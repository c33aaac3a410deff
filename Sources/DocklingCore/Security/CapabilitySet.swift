/// A set of capabilities as the kernel keeps it: one bit per capability, the way
/// /proc/PID/status prints it (`CapEff: 00000000a80425fb`).
public struct CapabilitySet: Equatable, Codable, Sendable {
    public var bits: UInt64

    public init(bits: UInt64) { self.bits = bits }

    public init(_ capabilities: some Sequence<Capability>) {
        bits = capabilities.reduce(0) { $0 | (1 << UInt64($1.number)) }
    }

    public static let empty = CapabilitySet(bits: 0)
    public static let all = CapabilitySet(Capability.all)

    /// docker's default set (moby `oci/caps/defaults.go`): enough for a normal
    /// program run as root — chown files, bind low ports, switch user — and nothing
    /// that reaches past the container, such as mounting (SYS_ADMIN) or loading kernel
    /// modules (SYS_MODULE).
    public static let dockerDefault = CapabilitySet([
        "CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID",
        "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE",
    ].map { Capability(named: $0)! })

    public func contains(_ capability: Capability) -> Bool { bits & (1 << UInt64(capability.number)) != 0 }

    /// The members, in bit order.
    public var members: [Capability] { Capability.all.filter(contains) }

    public func intersection(_ other: CapabilitySet) -> CapabilitySet { CapabilitySet(bits: bits & other.bits) }

    /// A set from the text of /proc/PID/status: `field` is `CapEff`, `CapBnd`…
    public init?(status: String, field: String) {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
              let bits = UInt64(line.dropFirst(field.count + 1).drop { $0 == " " || $0 == "\t" }, radix: 16)
        else { return nil }
        self.bits = bits
    }

    /// One of this process's sets, as /proc/self/status shows it. dockling may itself
    /// run with fewer than all capabilities (in a container, say), and the kernel
    /// grants none that the process does not already have.
    static func current(_ field: String) -> CapabilitySet {
        (try? Kernel.readFile("/proc/self/status")).flatMap { CapabilitySet(status: $0, field: field) } ?? .all
    }

    /// Sixteen hex digits, as /proc/PID/status shows a set.
    public var hex: String {
        let digits = String(bits, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
