#if canImport(Glibc)
import Glibc
#endif
import CLinux

extension Kernel {
    /// Sets the calling thread's effective, permitted and inheritable capability sets.
    /// Lowering is always allowed; raising only up to what the thread already holds.
    /// The corresponding C function is `capset`.
    public static func capset(effective: CapabilitySet, permitted: CapabilitySet, inheritable: CapabilitySet,
                              note: String) throws(KernelError) {
        try traced("capset", [
            "{version=_LINUX_CAPABILITY_VERSION_3, pid=0}",
            "{effective=\(describe(effective)), permitted=\(describe(permitted)), inheritable=\(describe(inheritable))}",
        ], note: note) {
            Int(dl_capset(effective.bits, permitted.bits, inheritable.bits))
        }
    }

    /// The calling thread's effective, permitted and inheritable capability sets.
    /// The corresponding C function is `capget`.
    public static func capget(note: String) throws(KernelError)
        -> (effective: CapabilitySet, permitted: CapabilitySet, inheritable: CapabilitySet) {
        var sets: [UInt64] = [0, 0, 0]
        let header = "{version=_LINUX_CAPABILITY_VERSION_3, pid=0}"
        try traced("capget", [header, "{effective=\(describe(CapabilitySet(bits: sets[0]))), permitted="
                                + "\(describe(CapabilitySet(bits: sets[1]))), inheritable=\(describe(CapabilitySet(bits: sets[2])))}"],
                   note: note) {
            Int(dl_capget(&sets))
        }
        return (CapabilitySet(bits: sets[0]), CapabilitySet(bits: sets[1]), CapabilitySet(bits: sets[2]))
    }

    /// A set as strace prints it: `1<<CAP_CHOWN|1<<CAP_KILL`, or `0`.
    private static func describe(_ set: CapabilitySet) -> String {
        set.bits == 0 ? "0" : set.members.map { "1<<\($0.name)" }.joined(separator: "|")
    }
}
