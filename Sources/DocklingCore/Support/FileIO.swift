#if canImport(Glibc)
import Glibc
#endif

/// Bulk reads and writes of store files. These are not traced one by one — a layer is
/// thousands of write(2)s — but failures still name the call and the errno.
package enum FileIO {
    /// How much `forEachChunk` reads at a time.
    static let chunkSize = 1 << 20

    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws(KernelError) -> Int32 {
        let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
        if fd < 0 { throw KernelError(call: "openat(AT_FDCWD, \(StraceFormat.quote(path)))", errno: .current) }
        return fd
    }

    /// Writes all of `bytes`, retrying short writes.
    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(KernelError) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw KernelError(call: "write(\(fd))", errno: .current) }
            offset += n
        }
    }

    /// Reads up to `buffer.count` bytes; 0 means the end of the file. A descriptor in
    /// non-blocking mode (a standard input whose shell set `O_NONBLOCK` on the shared open
    /// file) is waited for with poll(2) instead of failing with EAGAIN.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(KernelError) -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress!, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&ready, 1, -1)
                continue
            }
            if n < 0 { throw KernelError(call: "read(\(fd))", errno: .current) }
            return n
        }
    }

    /// Reads `fd` to its end, handing `body` one chunk at a time: the one loop behind
    /// hashing a file, copying one and saving a stream — none of them holds a file whole.
    package static func forEachChunk(of fd: Int32,
                                     _ body: (UnsafeRawBufferPointer) throws(KernelError) -> Void) throws(KernelError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try read(fd, into: buffer)
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Everything `input` has until its end, written to `output`.
    package static func copy(from input: Int32, to output: Int32) throws(KernelError) {
        try forEachChunk(of: input) { (chunk) throws(KernelError) in try write(output, chunk) }
    }

    /// The metadata of a path itself (a symlink is not followed); nil when nothing is there.
    package static func lstat(_ path: String) -> stat? {
        var info = stat()
        return Glibc.lstat(path, &info) == 0 ? info : nil
    }

    /// The metadata of what a path leads to (symlinks followed); nil when nothing is there.
    static func statFollowing(_ path: String) -> stat? {
        var info = stat()
        return fstatat(AT_FDCWD, path, &info, 0) == 0 ? info : nil
    }

    /// The canonical absolute path, with every symlink resolved.
    package static func realpath(_ path: String) throws(KernelError) -> String {
        guard let resolved = Glibc.realpath(path, nil) else {
            throw KernelError(call: "realpath(\(StraceFormat.quote(path)))", errno: .current)
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension stat {
    var isDirectory: Bool { st_mode & S_IFMT == S_IFDIR }
    var isSymlink: Bool { st_mode & S_IFMT == S_IFLNK }
}
