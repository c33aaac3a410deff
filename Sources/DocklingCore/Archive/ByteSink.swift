#if canImport(Glibc)
import Glibc
#endif

/// Somewhere an archive's bytes go: a staged store file, or standard output.
protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// An already-open descriptor, such as standard output for `dockling save > file.tar`.
final class DescriptorSink: ByteSink {
    let fd: Int32
    init(fd: Int32) { self.fd = fd }
    func write(_ bytes: UnsafeRawBufferPointer) throws { try FileIO.write(fd, bytes) }
}
