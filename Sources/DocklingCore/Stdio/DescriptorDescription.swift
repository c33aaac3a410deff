#if canImport(Glibc)
import Glibc
#endif

/// Where a process's descriptor points, read from /proc/PID/fd/N, in plain words.
public enum DescriptorDescription {
    /// The link's target (`pipe:[12345]`, `/dev/pts/3`, `/dev/null`, a file) or nil.
    public static func target(pid: pid_t, fd: Int32) -> String? {
        Path.readLink("/proc/\(pid)/fd/\(fd)")
    }

    /// `fd 1 → pipe:[1234]   a pipe: dockling-stdio reads the other end`.
    public static func explain(_ target: String) -> String {
        if target.hasPrefix("pipe:") { return "a pipe: dockling-stdio holds the other end and moves the bytes" }
        if target.hasPrefix("/dev/pts/") { return "a pseudo-terminal: the line discipline echoes, edits lines, turns Ctrl-C into SIGINT" }
        if target == "/dev/null" { return "/dev/null: reads see end of file at once, writes vanish" }
        if target.hasPrefix("socket:") { return "a socket" }
        return "a file: bytes land on disk, nobody needs to be reading"
    }

    /// The table for descriptors 0, 1 and 2 of `pid`.
    public static func table(pid: pid_t) -> String {
        let names = ["stdin ", "stdout", "stderr"]
        return (0..<3).map { fd in
            let target = self.target(pid: pid, fd: Int32(fd)) ?? "(closed)"
            return "  fd \(fd) \(names[fd]) → \(target)   \(explain(target))"
        }.joined(separator: "\n") + "\n"
    }
}
