#if canImport(Glibc)
import Glibc
#endif

/// One end of a relay, read or written without ever waiting. A relay that waited on one
/// descriptor could serve nothing else meanwhile — not the other direction, not a
/// signal — and two relays waiting to write to each other wait forever.
struct RelayEnd {
    /// What one read or write did.
    enum Transfer: Equatable {
        case moved(Int)
        /// Nothing now; poll(2) says when.
        case wouldBlock
        /// End of file, or the other side has gone (EPIPE, EIO from a closed terminal).
        case closed
    }

    let fd: Int32
    /// A socket takes MSG_DONTWAIT on each call, so it is never changed in place.
    private let isSocket: Bool
    /// A copy we opened, to close when done.
    private let isCopy: Bool
    /// The flags to put back on a shared descriptor we had to change in place.
    private let savedFlags: Int32?

    private init(fd: Int32, isSocket: Bool = false, isCopy: Bool = false, savedFlags: Int32? = nil) {
        self.fd = fd
        self.isSocket = isSocket
        self.isCopy = isCopy
        self.savedFlags = savedFlags
    }

    /// A descriptor this process made (a pipe end, a pty master, a socket): nobody else
    /// shares its open file description, so it becomes non-blocking in place.
    static func owned(_ fd: Int32) -> RelayEnd {
        if Self.isSocket(fd) { return RelayEnd(fd: fd, isSocket: true) }
        if let flags = try? Kernel.statusFlags(fd, note: "how our end of the stream is opened"), flags & O_NONBLOCK == 0 {
            try? Kernel.setStatusFlags(fd, flags | O_NONBLOCK, note: "our end never blocks: a full pipe must not stop the other direction")
        }
        return RelayEnd(fd: fd)
    }

    /// One of the descriptors we were started with (0, 1, 2). Its open file description
    /// is shared with the shell, so we read or write a copy of our own opened through
    /// /proc/self/fd, non-blocking, and leave the shell's as it was. Where no copy can be
    /// opened, the flag is set in place and put back by `release`.
    static func inherited(_ fd: Int32, forWriting: Bool) -> RelayEnd {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return RelayEnd(fd: fd) }
        switch info.st_mode & S_IFMT {
        case S_IFSOCK:
            return RelayEnd(fd: fd, isSocket: true)
        case S_IFREG, S_IFBLK, S_IFDIR:
            // Files never make a reader or writer wait for another process.
            return RelayEnd(fd: fd)
        default:
            let access: OpenFlags = forWriting ? .writeOnly : .readOnly
            if let copy = try? Kernel.open("/proc/self/fd/\(fd)", [access, .nonBlocking, .noCTTY, .closeOnExec],
                                           note: "a non-blocking copy of descriptor \(fd), so the shell's own stays as it was") {
                return RelayEnd(fd: copy, isCopy: true)
            }
            guard let flags = try? Kernel.statusFlags(fd, note: "descriptor \(fd)'s flags, to put back afterwards"),
                  flags & O_NONBLOCK == 0 else { return RelayEnd(fd: fd) }
            try? Kernel.setStatusFlags(fd, flags | O_NONBLOCK, note: "descriptor \(fd) never blocks while we relay")
            return RelayEnd(fd: fd, savedFlags: flags)
        }
    }

    private static func isSocket(_ fd: Int32) -> Bool {
        var info = stat()
        return fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFSOCK
    }

    /// Reads what is there now, at most `buffer.count` bytes.
    func read(into buffer: inout [UInt8]) -> Transfer {
        let n = buffer.withUnsafeMutableBytes { raw in
            isSocket ? recv(fd, raw.baseAddress, raw.count, Int32(MSG_DONTWAIT)) : Glibc.read(fd, raw.baseAddress, raw.count)
        }
        if n > 0 { return .moved(n) }
        if n < 0 && (errno == EAGAIN || errno == EINTR) { return .wouldBlock }
        return .closed
    }

    /// Writes what the other side takes now.
    func write(_ bytes: ArraySlice<UInt8>) -> Transfer {
        let n = bytes.withUnsafeBytes { raw in
            isSocket ? send(fd, raw.baseAddress, raw.count, Int32(MSG_DONTWAIT) | Int32(MSG_NOSIGNAL))
                     : Glibc.write(fd, raw.baseAddress, raw.count)
        }
        if n >= 0 { return .moved(n) }
        if errno == EAGAIN || errno == EINTR { return .wouldBlock }
        return .closed
    }

    /// Closes our copy, or puts the shared descriptor's flags back.
    func release() {
        if isCopy { Glibc.close(fd) }
        if let savedFlags { try? Kernel.setStatusFlags(fd, savedFlags, note: "descriptor \(fd)'s flags as they were") }
    }
}
