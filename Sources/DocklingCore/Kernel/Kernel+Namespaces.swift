#if canImport(Glibc)
import Glibc
#endif
import CLinux

extension Kernel {
    /// Moves the calling process into new namespaces of the given kinds.
    /// The corresponding C function is `unshare`.
    public static func unshare(_ flags: CloneFlags, note: String) throws(KernelError) {
        try traced("unshare", [flags.straceDescription], note: note) {
            Int(dl_unshare(flags.rawValue))
        }
    }

    /// Creates a child process that starts in new namespaces of the given kinds, while
    /// the caller stays where it is. Returns the child's pid in the parent, 0 in the child.
    /// For single-threaded processes only (dockling-init).
    /// The corresponding C function is `clone`.
    public static func clone(_ flags: CloneFlags, note: String) throws(KernelError) -> pid_t {
        let pid = dl_clone_namespaces(flags.rawValue)
        // As with fork, strace shows the call once, in the parent.
        if pid == 0 { return 0 }
        let shown = flags.isEmpty ? "SIGCHLD" : flags.straceDescription + "|SIGCHLD"
        return pid_t(try traced("clone", ["child_stack=NULL", "flags=" + shown], note: note) { Int(pid) })
    }

    /// Moves the calling thread into the namespace that `fd` refers to.
    /// The corresponding C function is `setns`.
    public static func setns(_ fd: Int32, kind: CloneFlags, note: String) throws(KernelError) {
        try traced("setns", [String(fd), kind.straceDescription], note: note) {
            Int(dl_setns(fd, kind.rawValue))
        }
    }

    /// Sets the hostname of the calling process's UTS namespace.
    /// The corresponding C function is `sethostname`.
    public static func sethostname(_ name: String, note: String) throws(KernelError) {
        let length = name.utf8.count
        try traced("sethostname", [StraceFormat.quote(name), String(length)], note: note) {
            Int(Glibc.sethostname(name, length))
        }
    }
}

extension Kernel {
    /// A descriptor that refers to a process (and so to all its namespaces), immune to
    /// pid reuse.
    /// The corresponding C function is `pidfd_open`.
    public static func pidfdOpen(_ pid: pid_t, note: String) throws(KernelError) -> Int32 {
        Int32(try traced("pidfd_open", [String(pid), "0"], note: note) { Int(dl_pidfd_open(pid, 0)) })
    }
}
