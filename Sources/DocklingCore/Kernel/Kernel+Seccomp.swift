#if canImport(Glibc)
import Glibc
#endif
import CLinux

extension Kernel {
    /// Installs a compiled seccomp filter: a BPF program the kernel runs on every later
    /// system call of this thread and its children, for good.
    /// The corresponding C function is `seccomp`.
    static func seccompSetFilter(_ program: SeccompProgram, note: String) throws(KernelError) {
        try traced("seccomp", ["SECCOMP_SET_MODE_FILTER", "0", "{len=\(program.instructionCount), filter=…}"], note: note) {
            Int(program.bytes.withUnsafeBytes { dl_seccomp_set_filter($0.baseAddress, $0.count) })
        }
    }
}
