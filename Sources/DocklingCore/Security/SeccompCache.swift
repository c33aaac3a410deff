import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Compiled seccomp programs, kept in the store under the fingerprint of what they were
/// compiled from. libseccomp needs over a millisecond to load and turn docker's profile
/// into BPF — longer than dockling-init needs to make the container, so PID 1 would wait
/// for it — and for the same rules it writes the same program every time. The first
/// container of a capability set compiles it; the next ones read it back.
///
/// libseccomp's version is not part of the fingerprint (learning it means loading the
/// library, the cost the cache saves). A newer libseccomp that knows more system call
/// names would allow those too; a kept program still refuses them — the safe side —
/// until `cache/seccomp` is removed.
public struct SeccompCache: Sendable {
    /// `<root>/cache/seccomp/<fingerprint>.bpf`.
    public let directory: String

    public init(root: StoreRoot) { directory = root.seccompCache }

    /// The program for `filter`: the kept one, or a new compile that is then kept.
    func program(for filter: SeccompFilter) throws -> SeccompProgram {
        let path = directory + "/" + filter.fingerprint.hex + ".bpf"
        if let kept = read(path) { return kept }
        let program = try filter.compile()
        // A program that cannot be kept is compiled again next time; the start goes on.
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? AtomicFile.write(program.bytes, to: path)
        return program
    }

    /// The kept program, if there is one of a size the kernel takes.
    private func read(_ path: String) -> SeccompProgram? {
        guard let fd = try? Kernel.open(path, [.readOnly, .closeOnExec],
                                        note: "docker's profile, compiled for these capabilities by an earlier start")
        else { return nil }
        defer { close(fd) }
        return Kernel.readToEnd(fd).flatMap(SeccompProgram.init(validating:))
    }
}
