import DocklingCore

/// What `docker build` is asked for, independent of any command line: the context, the
/// Dockerfile, the names, the build args — everything the flags say, nothing they print.
public struct BuildRequest: Sendable {
    /// Where the files COPY and ADD read come from.
    public enum Context: Sendable, Equatable {
        /// A folder: `dockling build DIR`.
        case directory(String)
        /// `dockling build -`: standard input holds a Dockerfile (then there is no context
        /// to copy from) or a tar archive of a context (plain or compressed).
        case standardInput
    }

    /// `--network`: the network the RUN containers get.
    public enum Network: String, Sendable {
        case none, host
        /// dockling's default network. dockling has no bridge network yet (issue 19), so
        /// today that is `none`, as `dockling run`'s default is.
        case `default`

        /// The network a RUN container is given.
        public var runtimeName: String { self == .host ? "host" : "none" }
    }

    public var context: Context
    /// `-f`: the Dockerfile; nil is `Dockerfile` in the context folder. It may lie outside
    /// the context. With a context on standard input, a path inside the archive.
    public var dockerfile: String?
    /// `-t`, each `NAME[:TAG]`, applied when the whole build has succeeded.
    public var tags: [ImageReference] = []
    /// `--build-arg`, in order; `K` alone (no value) takes `K`'s value from this process's
    /// environment, or is left unset when there is none — as docker does.
    public var buildArgs: [ArgDeclaration] = []
    /// `--target`: the stage whose result is the image; nil is the last stage.
    public var target: String?
    /// `--no-cache`: run every step, whatever the cache holds.
    public var noCache = false
    public var network: Network = .default
    /// `--label K=V`: labels set on the final image only.
    public var labels: [NameValue] = []
    /// `--iidfile`: a file the image id is written to.
    public var iidFile: String?
    /// `-q`: print only the image id (and a failure).
    public var quiet = false

    public init(context: Context) {
        self.context = context
    }
}
