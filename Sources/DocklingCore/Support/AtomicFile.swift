import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Replacing a small file so that readers see the old contents or the new, never a
/// torn mix: write a temp file beside it, rename over.
///
/// `durable` adds an fsync before the rename, so the new contents also survive a crash
/// of the machine. That costs a flush of the disk's cache (milliseconds): records that
/// only matter while the machine is up — a container's runtime state, which runc keeps
/// in /run — skip it.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws {
        let temp = "\(path).tmp-\(getpid())"
        do {
            let fd = try Kernel.open(temp, [.writeOnly, .create, .truncate, .closeOnExec], mode: 0o644,
                                     note: "write the new \(Path.base(of: path)) beside the old one")
            defer { Glibc.close(fd) }
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { throw KernelError(call: "write(\(StraceFormat.quote(temp)))", errno: .current) }
                offset += n
            }
            if durable { fsync(fd) }
            try Kernel.rename(temp, to: path, note: "replace \(Path.base(of: path)) in one step")
        } catch {
            unlink(temp)
            throw error
        }
    }

    public static func write<T: Encodable>(json value: T, to path: String, durable: Bool = true) throws {
        try write(JSONCoding.encode(value), to: path, durable: durable)
    }

    public static func read<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(step: "store", "cannot read \(path)")
        }
        return try JSONCoding.decode(type, from: [UInt8](data), what: path)
    }
}
