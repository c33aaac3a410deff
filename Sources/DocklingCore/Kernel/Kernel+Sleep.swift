#if canImport(Glibc)
import Glibc
#endif

extension Kernel {
    /// Sleeps for `milliseconds`, giving the kernel time to finish work it does
    /// asynchronously, such as tearing down processes that were sent SIGKILL.
    /// glibc makes the call as clock_nanosleep on CLOCK_REALTIME, which is what strace shows.
    /// The corresponding C function is `nanosleep`.
    public static func nanosleep(milliseconds: Int, note: String) throws(KernelError) {
        var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
        try traced("clock_nanosleep", ["CLOCK_REALTIME", "0",
                                       "{tv_sec=\(request.tv_sec), tv_nsec=\(request.tv_nsec)}", "NULL"],
                   note: note) {
            Int(Glibc.nanosleep(&request, nil))
        }
    }
}
