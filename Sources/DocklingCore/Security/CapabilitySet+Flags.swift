/// `--cap-add` and `--cap-drop`, applied the way docker applies them (moby
/// `oci/caps/utils.go`, TweakCapabilities): `--cap-add ALL` starts from every
/// capability, `--cap-drop ALL` from none, and otherwise the drops leave the default
/// set before the adds join it.
extension CapabilitySet {
    public func adjusted(add: [String], drop: [String]) throws(CapabilityError) -> CapabilitySet {
        let adds = try Self.parse(add, flag: "--cap-add")
        let drops = try Self.parse(drop, flag: "--cap-drop")
        if adds == .all { return CapabilitySet(bits: CapabilitySet.all.bits & ~drops.bits) }
        if drops == .all { return adds }
        return CapabilitySet(bits: (bits & ~drops.bits) | adds.bits)
    }

    /// The names a flag was given; `ALL` means every capability.
    static func parse(_ names: [String], flag: String) throws(CapabilityError) -> CapabilitySet {
        var set = CapabilitySet.empty
        for name in names {
            if name.uppercased() == "ALL" {
                set = .all
            } else if let capability = Capability(named: name) {
                set.bits |= CapabilitySet([capability]).bits
            } else {
                throw CapabilityError(flag: flag, name: name)
            }
        }
        return set
    }
}

/// A capability name that is not one of the kernel's.
public struct CapabilityError: DocklingFailure {
    public let flag: String
    public let name: String

    public var step: String { "create" }
    public var what: String {
        "invalid \(flag): unknown capability: \"\(name.uppercased().hasPrefix("CAP_") ? name : "CAP_" + name)\""
    }
    public var hint: String? { "\(flag) takes names such as NET_ADMIN or CAP_NET_ADMIN, or ALL" }
}
