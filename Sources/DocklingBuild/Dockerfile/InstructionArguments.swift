/// `RUN [--mount=…] [--network=…] [--security=…] command`.
public struct RunInstruction: Sendable, Equatable, Encodable {
    /// The shell form's text exactly as docker passes it to the shell.
    public var command: CommandForm
    /// The here-documents the command refers to, in order.
    public var heredocs: [Heredoc]
    /// Each `--mount=…` value, raw.
    public var mounts: [String]
    /// `--network=default|none|host`.
    public var network: String?
    /// `--security=insecure|sandbox`.
    public var security: String?

    public init(command: CommandForm, heredocs: [Heredoc] = [], mounts: [String] = [],
                network: String? = nil, security: String? = nil) {
        self.command = command
        self.heredocs = heredocs
        self.mounts = mounts
        self.network = network
        self.security = security
    }
}

/// `COPY`/`ADD [flags] src… dest` (or the JSON form, or `COPY <<EOF dest`).
public struct CopyInstruction: Sendable, Equatable, Encodable {
    public var isAdd: Bool
    /// Raw (unexpanded); for a heredoc source, the heredoc's name.
    public var sources: [String]
    /// Raw (unexpanded).
    public var destination: String
    /// The here-documents among the sources (`COPY <<EOF dest`).
    public var heredocs: [Heredoc]
    public var from: String?
    public var chown: String?
    public var chmod: String?
    /// ADD `--checksum=sha256:…`.
    public var checksum: String?
    public var link: Bool
    /// ADD `--keep-git-dir`.
    public var keepGitDir: Bool
    public var parents: Bool
    /// Each `--exclude=pattern`.
    public var excludes: [String]

    public init(isAdd: Bool, sources: [String], destination: String, heredocs: [Heredoc] = [],
                from: String? = nil, chown: String? = nil, chmod: String? = nil, checksum: String? = nil,
                link: Bool = false, keepGitDir: Bool = false, parents: Bool = false, excludes: [String] = []) {
        self.isAdd = isAdd
        self.sources = sources
        self.destination = destination
        self.heredocs = heredocs
        self.from = from
        self.chown = chown
        self.chmod = chmod
        self.checksum = checksum
        self.link = link
        self.keepGitDir = keepGitDir
        self.parents = parents
        self.excludes = excludes
    }
}
