#if canImport(Glibc)
import Glibc
#endif

/// Reads a file or a stream in large chunks, counting the bytes (for progress) and,
/// when asked, checking at the end that they hash to the digest they are stored under.
final class BlobReader: ArchiveSource {
    static let chunkSize = 1 << 20

    private let fd: Int32
    private let ownsDescriptor: Bool
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    private var digester: Digester?
    private let expected: Digest?
    private let label: String
    private(set) var bytesRead: Int64 = 0
    /// Called after every chunk with the bytes read so far.
    var onProgress: ((Int64) -> Void)?

    /// Opens a file; with `verifying`, the end of the file checks its digest.
    init(path: String, verifying expected: Digest? = nil) throws {
        fd = try FileIO.open(path, O_RDONLY)
        ownsDescriptor = true
        self.expected = expected
        digester = expected == nil ? nil : Digester()
        label = path
    }

    /// Reads an open descriptor (standard input) without taking ownership of it.
    init(fd: Int32, label: String) {
        self.fd = fd
        ownsDescriptor = false
        expected = nil
        self.label = label
    }

    deinit {
        if ownsDescriptor { Glibc.close(fd) }
        buffer.deallocate()
    }

    func nextChunk() throws -> UnsafeRawBufferPointer {
        let n = try FileIO.read(fd, into: buffer)
        let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
        bytesRead += Int64(n)
        if n > 0 {
            digester?.update(chunk)
            onProgress?(bytesRead)
        } else if let expected, let actual = digester?.finalize(), actual != expected {
            throw ImageError("\(label) is corrupt: its bytes hash to \(actual), not \(expected)",
                             hint: "remove the image and load it again")
        }
        return chunk
    }
}
