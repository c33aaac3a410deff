#if canImport(Glibc)
import Glibc
#endif
import CSeccomp

/// Compiles docker's default profile, for a container with these capabilities, into
/// a seccomp filter with libseccomp. Once loaded, the kernel answers every system call
/// of the process (and of all it execs and forks) against the filter first: a call the
/// profile does not allow fails with EPERM, whoever makes it.
struct SeccompFilter {
    let capabilities: CapabilitySet

    /// libseccomp's `SCMP_FLTATR_CTL_OPTIMIZE` level 2: the program finds a system call's
    /// rule by binary search over the numbers, not by trying them one after another.
    /// It is longer, but each call runs a handful of its instructions — and so does the
    /// kernel, which runs the filter for every system call number when it installs it,
    /// to learn which ones it may let through without running it again.
    static let binaryTree: UInt32 = 2

    /// The profile's rules that apply to a container with these capabilities, in order.
    var rules: [SeccompRule] { DockerSeccompProfile.rules.filter { $0.applies(to: capabilities) } }

    /// Names everything the compiled program depends on — the architecture, the program's
    /// shape, the default errno, the rules that apply — so that a program compiled once
    /// can stand in for the next compile of the same filter (`SeccompCache`).
    var fingerprint: Digest {
        let lines = ["dockling seccomp 1", Platform.hostArchitecture, "optimize \(Self.binaryTree)",
                     "default errno \(DockerSeccompProfile.defaultErrno)"] + rules.map(\.line)
        return Digest.of(lines.joined(separator: "\n").utf8)
    }

    /// The BPF program the kernel will run: libseccomp builds it from the rules and
    /// writes it out, and dockling installs it itself (`SeccompProgram.load`).
    func compile() throws -> SeccompProgram {
        guard let filter = seccomp_init(dl_seccomp_errno(UInt16(DockerSeccompProfile.defaultErrno))) else {
            throw SeccompError(what: "seccomp_init failed")
        }
        defer { seccomp_release(filter) }
        try check(seccomp_attr_set(filter, SCMP_FLTATR_CTL_OPTIMIZE, Self.binaryTree), "seccomp_attr_set(OPTIMIZE)")
        var allowedAlways: Set<String> = []
        for rule in rules {
            for name in rule.names where !allowedAlways.contains(name) {
                let number = seccomp_syscall_resolve_name(name)
                guard number != __NR_SCMP_ERROR else { continue }
                try add(rule, number: number, to: filter, name: name)
                if rule.conditions.isEmpty && rule.action == .allow { allowedAlways.insert(name) }
            }
        }
        // The kernel takes at most 4096 instructions (32 KiB): the pipe's 64 KiB hold
        // any program it would accept, so the write cannot block.
        let pipe = try Kernel.pipe(note: "libseccomp writes the compiled BPF program into this pipe")
        defer { close(pipe.read) }
        let exported = seccomp_export_bpf(filter, pipe.write)
        close(pipe.write)
        try check(exported, "seccomp_export_bpf")
        guard let program = Kernel.readToEnd(pipe.read) else { throw SeccompError(what: "reading the BPF program failed") }
        return SeccompProgram(bytes: program)
    }

    private func add(_ rule: SeccompRule, number: Int32, to filter: scmp_filter_ctx, name: String) throws {
        let action: UInt32 = switch rule.action {
        case .allow: SCMP_ACT_ALLOW
        case .fail(let errno): dl_seccomp_errno(UInt16(errno))
        }
        let comparisons = rule.conditions.map { condition in
            switch condition.test {
            case .equals(let value): scmp_arg_cmp(arg: condition.argument, op: SCMP_CMP_EQ, datum_a: value, datum_b: 0)
            case .notEquals(let value): scmp_arg_cmp(arg: condition.argument, op: SCMP_CMP_NE, datum_a: value, datum_b: 0)
            case .masked(let mask, let value):
                scmp_arg_cmp(arg: condition.argument, op: SCMP_CMP_MASKED_EQ, datum_a: mask, datum_b: value)
            }
        }
        try check(seccomp_rule_add_array(filter, action, number, UInt32(comparisons.count), comparisons),
                  "seccomp_rule_add(\(name))")
    }

    private func check(_ result: Int32, _ call: String) throws {
        if result < 0 { throw SeccompError(what: "\(call): \(Errno(-result).name)") }
    }
}

/// libseccomp could not build the filter (it reports errors as negative errnos).
struct SeccompError: DocklingFailure {
    let what: String
    var step: String { "security" }
    var hint: String? { "--security-opt seccomp=unconfined runs the container without a filter" }
}
