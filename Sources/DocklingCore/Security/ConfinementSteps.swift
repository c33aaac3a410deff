#if canImport(Glibc)
import Glibc
#endif

/// The last steps of a container process before exec, in runc's order. Two rules
/// decide it: dropping from the bounding set needs CAP_SETPCAP, so it happens while
/// the process is still root with every capability; and loading a seccomp filter
/// needs either CAP_SYS_ADMIN or no_new_privs — so without no-new-privileges the
/// filter goes in first, while SYS_ADMIN is still there, and with it as late as
/// possible, just before exec.
struct ConfinementSteps {
    let confinement: Confinement

    private var filterFirst: Bool { confinement.seccomp && !confinement.noNewPrivileges }

    /// Before the switch to the container's user.
    func beforeUserSwitch() throws {
        Tracer.shared.step = "security"
        if filterFirst { try loadFilter() }
        // Dropping one the bounding set already lacks is no error: nothing to read first.
        // A kernel older than a capability refuses its number (EINVAL), and every one
        // after it: capabilities are numbered without gaps.
        for capability in Capability.all where !confinement.capabilities.contains(capability) {
            do {
                try Kernel.prctl(24 /* PR_CAPBSET_DROP */, name: "PR_CAPBSET_DROP", UInt(capability.number),
                                 argText: capability.name,
                                 note: "no process of the container, nor anything it execs, can ever hold \(capability.name)")
            } catch {
                guard error.errno == .EINVAL else { throw error }
                break
            }
        }
    }

    /// After the user switch, just before exec.
    func beforeExec() throws {
        Tracer.shared.step = "security"
        // Root keeps the container's set across exec; any other user ends with none,
        // as in docker: the inheritable set stays empty, which also empties the
        // ambient set (a capability is ambient only while permitted and inheritable).
        // dockling may itself run with fewer than all capabilities (in a container, say),
        // and the kernel grants none that the process does not already have.
        let kept = geteuid() == 0
            ? confinement.capabilities.intersection(try Kernel.capget(note: "what we may keep").permitted) : .empty
        try Kernel.capset(effective: kept, permitted: kept, inheritable: .empty,
                          note: kept == .empty ? "a user other than root keeps no capabilities"
                                               : "keep only the container's capabilities: CapEff \(kept.hex)")
        if confinement.noNewPrivileges {
            try Kernel.prctl(38 /* PR_SET_NO_NEW_PRIVS */, name: "PR_SET_NO_NEW_PRIVS", 1, argText: "1",
                             note: "no-new-privileges: exec can no longer grant anything (setuid bits, file capabilities)")
        }
        if confinement.seccomp && !filterFirst { try loadFilter() }
    }

    private func loadFilter() throws {
        let program = try SeccompProgram.receive(over: SyncChannel(fd: ContainerInit.fromParentFD))
        try program.load(note: confinement.capabilities.contains(Capability(named: "SYS_ADMIN")!)
            ? "docker's seccomp profile: from now on the kernel checks every system call against it"
            : "docker's seccomp profile: mount, unshare, keyctl, kexec_load… now fail with EPERM")
    }
}
