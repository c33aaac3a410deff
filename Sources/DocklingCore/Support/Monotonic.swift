#if canImport(Glibc)
import Glibc
#endif

/// A clock that only goes forward, for durations and deadlines.
enum Monotonic {
    /// Seconds since an arbitrary start, to the nanosecond.
    static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
