/// `--security-opt`: the two docker options dockling has. `no-new-privileges` makes
/// the kernel refuse any gain of privilege through exec (a setuid binary runs with
/// the caller's ids); `seccomp=unconfined` turns the system call filter off.
public struct SecurityOptions: Equatable, Sendable {
    public var noNewPrivileges = false
    public var seccomp = true

    /// docker accepts `key=value` and the older `key:value`, and `no-new-privileges`
    /// alone for `=true`.
    public init(parsing options: [String]) throws(SecurityOptionError) {
        for option in options {
            let parts = option.split(maxSplits: 1, whereSeparator: { $0 == "=" || $0 == ":" }).map(String.init)
            switch (parts.first, parts.count == 2 ? parts[1] : nil) {
            case ("no-new-privileges", nil), ("no-new-privileges", "true"): noNewPrivileges = true
            case ("no-new-privileges", "false"): noNewPrivileges = false
            case ("seccomp", "unconfined"): seccomp = false
            default: throw SecurityOptionError(option: option)
            }
        }
    }
}

/// A `--security-opt` that dockling does not know (or a seccomp profile file, which
/// it does not read).
public struct SecurityOptionError: DocklingFailure {
    public let option: String

    public var step: String { "create" }
    public var what: String { "invalid --security-opt: \"\(option)\"" }
    public var hint: String? {
        "dockling knows no-new-privileges[=true|false] and seccomp=unconfined (docker's default profile is built in)"
    }
}
