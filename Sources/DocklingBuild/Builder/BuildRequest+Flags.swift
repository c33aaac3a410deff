import DocklingCore

extension BuildRequest {
    /// A request from the flags as typed: `dockling build` and `dockling-build build` both
    /// call this, so `-t`, `--build-arg`, `--label` and `--network` mean the same in both
    /// and a bad value is refused in the same words.
    /// - Parameter context: the PATH argument; `-` is standard input.
    public init(context: String, dockerfile: String? = nil, tags: [String] = [], buildArgs: [String] = [],
                target: String? = nil, noCache: Bool = false, network: String = "default", labels: [String] = [],
                iidFile: String? = nil, quiet: Bool = false) throws {
        self.init(context: context == "-" ? .standardInput : .directory(context))
        self.dockerfile = dockerfile
        self.tags = try tags.map { try ImageReference(parsing: $0) }
        self.buildArgs = buildArgs.map(Self.buildArg)
        self.target = target
        self.noCache = noCache
        self.network = try Self.network(network)
        self.labels = try labels.map(Self.label)
        self.iidFile = iidFile
        self.quiet = quiet
    }

    /// `--build-arg K=V`, or `K` alone (its value to come from the environment).
    static func buildArg(_ text: String) -> ArgDeclaration {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        return ArgDeclaration(name: parts[0], defaultValue: parts.count == 2 ? parts[1] : nil)
    }

    /// `--label K=V`.
    static func label(_ text: String) throws -> NameValue {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw UsageError(step: "build", "--label \(text): expected KEY=VALUE")
        }
        return NameValue(name: parts[0], value: parts[1])
    }

    /// `--network none|host|default`.
    static func network(_ text: String) throws -> Network {
        guard let network = Network(rawValue: text) else {
            throw UsageError(step: "build", "--network takes none, host or default, not '\(text)'",
                             hint: "dockling has no bridge network yet: default is none")
        }
        return network
    }
}
