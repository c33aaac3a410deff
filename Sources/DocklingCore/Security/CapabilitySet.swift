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

    /// Sixteen hex digits, as /proc/PID/status shows a set.
    public var hex: String {
        let digits = String(bits, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
