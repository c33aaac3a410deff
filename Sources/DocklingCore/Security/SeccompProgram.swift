#if canImport(Glibc)
import Glibc
#endif

/// A compiled seccomp filter: classic BPF, 8 bytes an instruction. Being plain bytes,
/// it can be compiled by one process and installed by another: the parent compiles it
/// while dockling-init makes the container, and sends it down the go-ahead's pipe.
struct SeccompProgram: Sendable {
    static let instructionSize = 8

    /// The kernel's limit (BPF_MAXINSNS).
    static let maximumInstructions = 4096
    let bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Bytes from elsewhere (the cache): only whole instructions, as many as the kernel takes.
    init?(validating bytes: [UInt8]) {
        guard Self.fits(byteCount: bytes.count) else { return nil }
        self.bytes = bytes
    }

    /// Whole instructions, at least one, no more than the kernel takes.
    static func fits(byteCount: Int) -> Bool {
        byteCount > 0 && byteCount % instructionSize == 0 && byteCount <= maximumInstructions * instructionSize
    }

    var instructionCount: Int { bytes.count / Self.instructionSize }

    /// Sends the program after a `seccomp N` line, so the reader knows where it ends.
    func send(over channel: SyncChannel) throws(KernelError) {
        try channel.send(.seccomp(byteCount: bytes.count), note: "docker's seccomp profile, made ready while dockling-init made the container")
        try Kernel.write(channel.fd, bytes: bytes, shown: { _ in "<\(instructionCount) BPF instructions>" },
                         note: "the filter it installs just before exec")
    }

    /// The program the parent sends after the go-ahead.
    static func receive(over channel: SyncChannel) throws -> SeccompProgram {
        guard case .seccomp(let count) = channel.receive(), fits(byteCount: count) else {
            throw SeccompError(what: "no seccomp filter came from the parent")
        }
        var bytes = [UInt8](repeating: 0, count: count)
        var received = 0
        while received < count {
            let n = try bytes.withUnsafeMutableBytes { buffer throws(KernelError) in
                try FileIO.read(channel.fd, into: UnsafeMutableRawBufferPointer(rebasing: buffer[received...]))
            }
            guard n > 0 else { throw SeccompError(what: "the seccomp filter from the parent was cut short") }
            received += n
        }
        return SeccompProgram(bytes: bytes)
    }

    /// Installs the filter on this process, for good.
    func load(note: String) throws(KernelError) {
        try Kernel.seccompSetFilter(self, note: note)
    }
}
