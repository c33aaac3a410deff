#if canImport(Glibc)
import Glibc
#endif

/// The clock every traced event is stamped with. CLOCK_MONOTONIC is one clock for the
/// whole machine (not per process) that never steps back, so stamps from dockling,
/// dockling-init and the container's PID 1 can be compared directly.
public enum TraceClock {
    /// Nanoseconds since boot. The corresponding C function is `clock_gettime`, which
    /// the vDSO answers without entering the kernel: strace never sees it.
    public static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
