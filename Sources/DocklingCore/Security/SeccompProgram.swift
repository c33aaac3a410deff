#if canImport(Glibc)
import Glibc
#endif

/// A compiled seccomp filter: classic BPF, 8 bytes an instruction. Being plain bytes,
/// it can be compiled by one process and installed by another: a container's monitor
/// compiles it while the container sets up its root filesystem.
struct SeccompProgram: Sendable {
    static let instructionSize = 8
    let bytes: [UInt8]

    var instructionCount: Int { bytes.count / Self.instructionSize }

    /// The program sent over `pipe` (closed here), read to its end.
    static func receive(_ pipe: Int32) throws -> SeccompProgram {
        defer { close(pipe) }
        let bytes = Kernel.readToEnd(pipe) ?? []
        guard !bytes.isEmpty, bytes.count % instructionSize == 0 else {
            throw SeccompError(what: "the monitor sent no seccomp filter: it could not compile docker's profile")
        }
        return SeccompProgram(bytes: bytes)
    }

    /// Installs the filter on this process, for good.
    func load(note: String) throws(KernelError) {
        try Kernel.seccompSetFilter(bytes, note: note)
    }
}
