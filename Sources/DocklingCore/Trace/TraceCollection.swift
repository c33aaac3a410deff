#if canImport(Glibc)
import Glibc
#endif

/// The file a `--trace` process collects its own and its children's events in before
/// it shows them: a file in memory (/dev/shm, else /tmp), unlinked as soon as it is
/// made so that it goes away with its last descriptor, and opened for appending so that
/// each process's write lands whole at the end.
enum TraceCollection {
    /// Makes the file and arranges for `onExit` to run when the process exits, however
    /// it exits (`exit` from anywhere runs atexit handlers). Stderr if no file can be made.
    static func make(onExit: @escaping @convention(c) () -> Void) -> Int32 {
        for folder in ["/dev/shm", "/tmp"] {
            var template = Array("\(folder)/dockling-trace-XXXXXX".utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { continue }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_APPEND)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            atexit(onExit)
            return fd
        }
        return 2
    }

    /// What the file holds from `offset` on, and its size.
    static func read(_ fd: Int32, from offset: Int) -> (text: String, size: Int) {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var at = offset
        while true {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(at)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            at += n
        }
        return (String(decoding: bytes, as: UTF8.self), at)
    }
}
