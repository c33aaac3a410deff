#if canImport(Glibc)
import Glibc
#endif

/// A file under construction in a scratch folder, hashed as it grows, given its final
/// name with one rename when it is complete. Until then no reader can see it; if the
/// process dies, what is left is a stray file in a scratch folder, never a torn one.
final class StagingFile: ByteSink {
    let path: String
    private var fd: Int32
    private var digester: Digester?
    private var count: Int64 = 0
    private var published = false

    /// Creates `<directory>/<prefix><random>`. `hashing` is for blobs, whose name will
    /// be their digest.
    init(in directory: String, prefix: String, hashing: Bool = true) throws {
        path = "\(directory)/\(prefix)\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
        fd = try FileIO.open(path, O_WRONLY | O_CREAT | O_EXCL, mode: 0o644)
        digester = hashing ? Digester() : nil
    }

    deinit { discard() }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        try FileIO.write(fd, bytes)
        digester?.update(bytes)
        count += Int64(bytes.count)
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// The sha256 of everything written (for a file made with `hashing`).
    var digest: Digest { digester!.finalize() }
    var size: Int64 { count }

    /// Closes the file once it is complete, so that many can wait without holding
    /// descriptors open.
    func seal() {
        guard fd >= 0 else { return }
        Glibc.close(fd)
        fd = -1
    }

    /// Flushes the file to disk and renames it to `target`.
    func commit(to target: String, note: String) throws {
        do throws(KernelError) {
            if fd < 0 { fd = try FileIO.open(path, O_RDONLY) }
            try Kernel.fsync(fd, note: "flush \(Path.base(of: target)) to disk before it gets its name")
            try Kernel.rename(path, to: target, note: note)
            published = true
            seal()
        } catch {
            discard()
            throw StepError(step: "images", error)
        }
    }

    /// Throws the file away unless it was published.
    func discard() {
        seal()
        guard !published else { return }
        published = true
        unlink(path)
    }
}
