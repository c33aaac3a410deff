/// How much a call says about the concept of its step, for the default view, which
/// shows a few lines a step: the calls a lesson talks about (clone with CLONE_NEW*,
/// mount, pivot_root, seccomp, execve…) before the bookkeeping around them (open,
/// close, fcntl). A failure always says the most.
enum TraceSignificance {
    static let failure = 100

    static let scores: [String: Int] = [
        "execve": 10, "clone": 9, "unshare": 9, "pivot_root": 9, "seccomp": 9, "setns": 8,
        "prctl": 8, "sethostname": 7, "capset": 7, "dup2": 7, "mount": 7, "mkdir": 6,
        "bind": 6, "connect": 6, "wait4": 6, "rename": 5, "rmdir": 5, "accept4": 5, "umount2": 5,
        "write": 4, "pipe2": 4, "symlink": 3, "flock": 3, "socket": 3, "openat": 2,
        "close": 1, "fcntl": 1, "rt_sigprocmask": 1, "fsync": 1, "capget": 1,
    ]

    /// A remark, a line of explanation, sits between the calls it explains.
    static let remark = 8

    static func score(_ item: TraceItem) -> Int {
        item.events.map(score).max() ?? 0
    }

    static func score(_ event: TraceEvent) -> Int {
        if event.errno != nil { return failure }
        if event.isRemark { return remark }
        // The overlay mount is the union step's whole point.
        if event.call == "mount", event.args.first == "\"overlay\"" { return 9 }
        return scores[event.call] ?? 3
    }
}
