/// One rule of a seccomp profile, in the terms of docker's profile JSON: system calls
/// by name, what happens to them, conditions on their arguments, and the capabilities
/// the container must have (or lack) for the rule to apply.
struct SeccompRule: Sendable {
    enum Action: Sendable, Equatable {
        case allow
        /// The call fails with this errno without reaching the kernel's code for it.
        case fail(errno: Int32)
    }

    /// A test of one argument (0 is the first). All of a rule's tests must pass.
    struct Condition: Sendable {
        enum Test: Sendable {
            case equals(UInt64)
            case notEquals(UInt64)
            /// `argument & mask == value`: for flag words such as clone's.
            case masked(mask: UInt64, equals: UInt64)
        }
        let argument: UInt32
        let test: Test
    }

    let names: [String]
    var action = Action.allow
    var conditions: [Condition] = []
    /// docker's `includes.caps`: the rule applies only to containers with this capability.
    var onlyWith: String?
    /// docker's `excludes.caps`: the rule applies only to containers without it.
    var unlessWith: String?

    /// Does the rule apply to a container with these capabilities?
    func applies(to capabilities: CapabilitySet) -> Bool {
        let has = { (name: String) in Capability(named: name).map(capabilities.contains) ?? false }
        return onlyWith.map(has) ?? true && !(unlessWith.map(has) ?? false)
    }

    /// The rule as one line with every field spelled out, capabilities already decided:
    /// what the fingerprint of a compiled program is taken over.
    var line: String {
        let verdict = switch action {
        case .allow: "allow"
        case .fail(let errno): "errno \(errno)"
        }
        let tests = conditions.map { condition in
            let argument = "arg\(condition.argument)"
            return switch condition.test {
            case .equals(let value): "\(argument) == \(value)"
            case .notEquals(let value): "\(argument) != \(value)"
            case .masked(let mask, let value): "\(argument) & \(mask) == \(value)"
            }
        }
        return "\(verdict) if [\(tests.joined(separator: ", "))]: \(names.joined(separator: " "))"
    }
}
