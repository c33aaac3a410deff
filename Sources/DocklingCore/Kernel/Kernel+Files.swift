#if canImport(Glibc)
import Glibc
#endif
import CLinux

extension Kernel {
    /// Opens a file and returns its descriptor (close-on-exec unless asked otherwise).
    /// The corresponding C function is `openat`.
    public static func open(
        _ path: String, _ flags: OpenFlags, mode: mode_t = 0o644, note: String
    ) throws(KernelError) -> Int32 {
        var args = ["AT_FDCWD", StraceFormat.quote(path), flags.straceDescription]
        if flags.contains(.create) { args.append(StraceFormat.mode(mode)) }
        return Int32(try traced("openat", args, note: note) {
            Int(Glibc.openat(AT_FDCWD, path, flags.rawValue, mode))
        })
    }

    /// Closes a descriptor.
    /// The corresponding C function is `close`.
    public static func close(_ fd: Int32, note: String) throws(KernelError) {
        try traced("close", [String(fd)], note: note) { Int(Glibc.close(fd)) }
    }

    /// Writes all of `text` to `fd`, as one traced write(2) per call the kernel needs.
    /// The corresponding C function is `write`.
    public static func write(_ fd: Int32, _ text: String, note: String) throws(KernelError) {
        try write(fd, bytes: Array(text.utf8), shown: { StraceFormat.quote(String(decoding: $0, as: UTF8.self)) },
                  note: note)
    }

    /// Writes all of `bytes` to `fd`, as one traced write(2) per call the kernel needs;
    /// `shown` spells what is still to write as the trace shows it.
    /// The corresponding C function is `write`.
    static func write(_ fd: Int32, bytes: [UInt8], shown: (ArraySlice<UInt8>) -> String,
                      note: String) throws(KernelError) {
        var offset = 0
        repeat {
            let count = bytes.count - offset
            let start = offset
            let written = try traced("write", [String(fd), shown(bytes[offset...]), String(count)], note: note) {
                bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + start, count) }
            }
            offset += written
        } while offset < bytes.count
    }

    /// Writes a value into a file that is really a kernel interface (a cgroup file,
    /// uid_map, /proc/sys): open, one write, close — each traced as it happens.
    public static func writeFile(_ path: String, _ text: String, note: String) throws(KernelError) {
        let fd = try open(path, [.writeOnly, .closeOnExec], note: note)
        defer { _ = try? close(fd, note: "done writing \(path)") }
        try write(fd, text, note: note)
    }

    /// Reads a whole (small) file that the kernel generates, such as /proc/self/cgroup.
    /// Not traced: reading kernel state changes nothing.
    public static func readFile(_ path: String) throws(KernelError) -> String {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw KernelError(call: "openat(AT_FDCWD, \(StraceFormat.quote(path)), O_RDONLY)", errno: .current) }
        defer { Glibc.close(fd) }
        guard let data = readToEnd(fd) else {
            throw KernelError(call: "read(\(StraceFormat.quote(path)))", errno: .current)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Everything `fd` has until end of file (a pipe: until every writer has closed it);
    /// nil on a read error, with errno set. Not traced: it only reads.
    public static func readToEnd(_ fd: Int32) -> [UInt8]? {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { return data }
            data.append(contentsOf: chunk[0..<n])
        }
    }

    /// Creates a directory.
    /// The corresponding C function is `mkdir`.
    public static func mkdir(_ path: String, mode: mode_t = 0o755, note: String) throws(KernelError) {
        try traced("mkdir", [StraceFormat.quote(path), StraceFormat.mode(mode)], note: note) {
            Int(Glibc.mkdir(path, mode))
        }
    }

    /// Removes an empty directory (for a cgroup: one with no processes left).
    /// The corresponding C function is `rmdir`.
    public static func rmdir(_ path: String, note: String) throws(KernelError) {
        try traced("rmdir", [StraceFormat.quote(path)], note: note) { Int(Glibc.rmdir(path)) }
    }

    /// Creates a symbolic link at `path` pointing to `target`.
    /// The corresponding C function is `symlink`.
    public static func symlink(_ target: String, at path: String, note: String) throws(KernelError) {
        try traced("symlink", [StraceFormat.quote(target), StraceFormat.quote(path)], note: note) {
            Int(Glibc.symlink(target, path))
        }
    }

    /// Marks every descriptor from `first` up as close-on-exec.
    /// The corresponding C function is `close_range`.
    public static func closeOnExec(from first: UInt32, note: String) throws(KernelError) {
        try traced("close_range", [String(first), String(UInt32.max), "CLOSE_RANGE_CLOEXEC"], note: note) {
            Int(dl_close_range(first, UInt32.max, 4))
        }
    }

    /// Gives a file an owner and group; a symlink itself gets them, not what it points to
    /// (a layer's symlink may point anywhere on the host).
    /// The corresponding C function is `lchown`.
    public static func lchown(_ path: String, uid: UInt32, gid: UInt32, note: String) throws(KernelError) {
        try traced("lchown", [StraceFormat.quote(path), String(uid), String(gid)], note: note) {
            Int(Glibc.lchown(path, uid, gid))
        }
    }

    /// Sets a file's permission bits, setuid, setgid and sticky included. Call it after
    /// `lchown`: changing the owner clears setuid and setgid.
    /// The corresponding C function is `chmod`.
    public static func chmod(_ path: String, mode: UInt32, note: String) throws(KernelError) {
        try traced("chmod", [StraceFormat.quote(path), StraceFormat.mode(mode)], note: note) {
            Int(Glibc.chmod(path, mode_t(mode)))
        }
    }

    /// Removes a file.
    /// The corresponding C function is `unlink`.
    public static func unlink(_ path: String, note: String) throws(KernelError) {
        try traced("unlink", [StraceFormat.quote(path)], note: note) { Int(Glibc.unlink(path)) }
    }
}

extension Kernel {
    /// Makes `newFD` a copy of `oldFD` (closing what `newFD` was).
    /// The corresponding C function is `dup2`.
    public static func dup2(_ oldFD: Int32, _ newFD: Int32, note: String) throws(KernelError) {
        try traced("dup2", [String(oldFD), String(newFD)], note: note) { Int(Glibc.dup2(oldFD, newFD)) }
    }
}
