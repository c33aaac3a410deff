import DocklingCore

/// The build args one stage can see, with docker's scoping rules (BuildKit `dispatchArg`):
///
/// - an `ARG` before the first `FROM` is global: usable in `FROM` lines only, until a stage
///   declares it again (`ARG VERSION` without a value then takes the global value);
/// - an `ARG` in a stage is visible from its line on, to that stage and the stages `FROM` it;
///   `--build-arg` overrides its default;
/// - an `ENV` of the same name wins over it (see `StageState.lookup`);
/// - the proxy variables (`HTTP_PROXY`…) reach RUN without being declared, but stay out of
///   the history and the cache key unless they are.
struct ArgScope: Sendable {
    /// `--build-arg` values, `K` alone already looked up in dockling's environment.
    let given: [String: String]
    /// The global ARGs with a value, the automatic platform ones among them.
    let global: [String: String]
    /// This stage's declarations in order, a value where one was given or defaulted.
    private(set) var declared: [(name: String, value: String?)] = []

    static let proxies = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy",
                          "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"]

    /// BuildKit's automatic platform ARGs: dockling builds for the machine it runs on.
    static let platform: [String: String] = {
        let os = "linux", arch = Platform.hostArchitecture
        return ["TARGETPLATFORM": "\(os)/\(arch)", "TARGETOS": os, "TARGETARCH": arch, "TARGETVARIANT": "",
                "BUILDPLATFORM": "\(os)/\(arch)", "BUILDOS": os, "BUILDARCH": arch, "BUILDVARIANT": ""]
    }()

    /// The global scope: the platform ARGs, then the ARGs before the first `FROM` in order,
    /// each default expanded with the ones before it.
    static func globals(_ declarations: [ArgDeclaration], given: [String: String],
                        expand: (String, [String: String]) throws -> String) throws -> [String: String] {
        var scope = platform
        for declaration in declarations {
            if let value = given[declaration.name] {
                scope[declaration.name] = value
            } else if let fallback = declaration.defaultValue {
                scope[declaration.name] = try expand(fallback, scope)
            }
        }
        return scope
    }

    /// A stage's scope: empty, or its base stage's when it is `FROM` another stage.
    init(given: [String: String], global: [String: String], inheriting base: ArgScope? = nil) {
        self.given = given
        self.global = global
        declared = base?.declared ?? []
    }

    /// The value an `ARG` declaration takes: `--build-arg`'s, else its default (`expand`
    /// expands it with what the stage sees so far), else the global ARG's of the name.
    func resolve(_ argument: ArgDeclaration, expand: (String) throws -> String) rethrows -> String? {
        if let override = given[argument.name] { return override }
        if let fallback = argument.defaultValue { return try expand(fallback) }
        return global[argument.name]
    }

    /// Puts a declared ARG in scope, with its value or none.
    mutating func declare(_ name: String, _ value: String?) {
        declared.append((name, value))
    }

    /// The value of a declared ARG (the latest declaration of the name).
    func value(_ name: String) -> String? {
        declared.last { $0.name == name }?.value
    }

    /// Each declared name once, where it was first declared, with its latest value.
    private var distinct: [(name: String, value: String?)] {
        var order: [String] = []
        for entry in declared where !order.contains(entry.name) { order.append(entry.name) }
        return order.map { name in (name, value(name)) }
    }

    /// What RUN's history entry and cache key put before the command: `|2 A=1 B=x `,
    /// each value as the step sees it (an ENV of the name wins); empty without ARGs.
    func runPrefix(lookup: (String) -> String?) -> String {
        let pairs = distinct.map { "\($0.name)=\(lookup($0.name) ?? "")" }
        return pairs.isEmpty ? "" : "|\(pairs.count) " + pairs.joined(separator: " ") + " "
    }

    /// The environment a RUN gets: the image's, then each ARG with a value whose name
    /// the image's does not set, then proxies given but never declared.
    func runEnvironment(over environment: [String]) -> [String] {
        let names = Set(environment.map { String($0.prefix { $0 != "=" }) })
        let arguments = distinct.compactMap { entry in
            entry.value.flatMap { names.contains(entry.name) ? nil : "\(entry.name)=\($0)" }
        }
        let proxies = Self.proxies.compactMap { name in
            given[name].flatMap { names.contains(name) || value(name) != nil ? nil : "\(name)=\($0)" }
        }
        return environment + arguments + proxies
    }
}
