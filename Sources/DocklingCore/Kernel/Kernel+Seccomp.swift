#if canImport(Glibc)
import Glibc
#endif
import CLinux

extension Kernel {
    /// Installs a compiled seccomp filter: a BPF program the kernel runs on every later
    /// system call of this thread and its children, for good.
    /// The corresponding C function is `seccomp`.
    static func seccompSetFilter(_ program: [UInt8], note: String) throws(KernelError) {
        let length = program.count / SeccompProgram.instructionSize
        try traced("seccomp", ["SECCOMP_SET_MODE_FILTER", "0", "{len=\(length), filter=…}"], note: note) {
            Int(program.withUnsafeBytes { dl_seccomp_set_filter($0.baseAddress, $0.count) })
        }
    }
}
