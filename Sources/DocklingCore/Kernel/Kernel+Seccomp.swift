#if canImport(Glibc)
import Glibc
#endif
import CSeccomp

extension Kernel {
    /// Installs the filter libseccomp compiled from `filter` (a BPF program the kernel
    /// runs on every later system call of this thread and its children, for good).
    /// libseccomp makes the call and returns a negative errno instead of setting errno.
    /// Before it, libseccomp asks the kernel what it supports with a few calls that
    /// change nothing (`seccomp(SECCOMP_GET_ACTION_AVAIL, …)` and filters with a NULL
    /// program): strace shows them, this trace only the one that matters.
    /// The corresponding C function is `seccomp_load`, which calls `seccomp`.
    static func seccompLoad(_ filter: scmp_filter_ctx, note: String) throws(KernelError) {
        try traced("seccomp", ["SECCOMP_SET_MODE_FILTER", "0", "{len=…, filter=…}"], note: note) {
            let result = seccomp_load(filter)
            guard result < 0 else { return 0 }
            Glibc.errno = -result
            return -1
        }
    }
}
