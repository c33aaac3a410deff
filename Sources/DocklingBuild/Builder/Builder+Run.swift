import DocklingCore
import FoundationEssentials

extension Builder {
    /// RUN: the command runs in a container made from the previous step's image, with
    /// the image's Env plus the ARGs in scope, its WORKDIR and USER; what it changed (the
    /// container's upper directory) is the new layer.
    func run(_ run: RunInstruction, _ step: Step, in state: inout StageState, trigger: Bool) throws {
        let execution = state.execution
        // Mounts are checked before anything runs: a bad one is the Dockerfile line's error.
        let parsed = try run.mounts.map(RunMount.init(parsing:))
        if let from = parsed.first(where: { !$0.from.isEmpty && $0.kind == .bind })?.from {
            throw BuildFailure("RUN --mount=…,from=\(from): dockling mounts only the build context so far;"
                + " copy what the step needs with COPY --from=\(from) instead")
        }
        let network = try networkName(run.network)
        var heredoc = HeredocRun(run)
        defer { heredoc.remove() }
        let argv = command(try heredoc.form(scratch: BuildContainer.scratchPath(root: root, kind: "heredoc")),
                           shell: execution.shell)
        let snapshot = state
        let createdBy = "RUN " + state.args.runPrefix(lookup: snapshot.lookup) + argv.joined(separator: " ") + " # buildkit"
        // What the step reads from the context is keyed by its content, as a COPY's is.
        let binds = parsed.filter { $0.kind == .bind }
        let context = binds.isEmpty ? nil : try buildContext()
        var settings = ["network=" + network] + run.mounts.map { "mount=" + $0 } + heredoc.settings
        for bind in binds {
            settings.append("bind \(bind.target) context " + (try context!.contentKey(try context!.select([bind.source]))).digest)
        }
        let vertex = begin(state.vertexName(stepName(step, state, run: true) + heredoc.summary, trigger: trigger))
        try commit(step, in: &state, trigger: trigger, createdBy: createdBy, settings: settings, vertex: vertex) {
            // A RUN straight after `FROM scratch` still needs an image to stand on: the empty one.
            let parent = try snapshot.image ?? store.makeImage(parent: nil, changes: nil, config: snapshot.config,
                                                               lease: lease)
            let spec = BuildContainer.Spec(
                image: parent, argv: argv, environment: snapshot.args.runEnvironment(over: execution.env ?? []),
                workingDirectory: execution.workingDir ?? "/", user: execution.user, network: network,
                mounts: run.mounts + heredoc.mounts, bindRoots: heredoc.bindRoots, context: context)
            let result = try BuildContainer(root: root).run(spec) { observer.output($0, in: vertex) }
            guard result.status == 0 else {
                throw BuildFailure("process \"\(argv.joined(separator: " "))\" did not complete successfully: exit code: \(result.status)")
            }
            return StepOutput(changes: result.changes, source: .overlayUpper, command: argv, container: result.container)
        }
    }

    /// `RUN --network=…`, or the build's `--network`: `none` or `host` (dockling's
    /// `default` is `none` until it has a bridge network). `none` may always narrow; the
    /// host's network is BuildKit's `network.host` entitlement: only a build that was
    /// itself given `--network host` grants it, never the Dockerfile alone.
    private func networkName(_ written: String?) throws -> String {
        switch written {
        case nil, "default": return request.network.runtimeName
        case "none": return "none"
        case "host":
            guard request.network == .host else {
                throw BuildFailure("network.host is not allowed: RUN --network=host needs `dockling build --network host`")
            }
            return "host"
        default: throw BuildFailure("unsupported network mode \(written!): dockling builds with none or host")
        }
    }

    /// BuildKit's name for a step: the instruction with the variables set at this step
    /// substituted (`WordExpander.stepName`), its first word in capitals.
    func stepName(_ step: Step, _ state: StageState, run: Bool = false) -> String {
        Self.uppercased(expander.stepName(step.original, run: run, state.lookup))
    }

    /// The instruction's first word in capitals, as BuildKit names steps (`run make` → `RUN make`).
    static func uppercased(_ text: String) -> String {
        let word = text.prefix { $0 != " " && $0 != "\t" }
        return word.uppercased() + text.dropFirst(word.count)
    }
}

/// A RUN's here-documents, as BuildKit runs them (`dispatchRun`): `RUN <<EOF` alone hands
/// the body to the shell — or, when it starts with `#!`, writes it to a file mounted at
/// `/dev/pipes/EOF` and runs that; any other use (`RUN <<EOF bash`, several heredocs) gives
/// the shell the whole text, bodies and delimiters, for the shell's own heredoc handling.
struct HeredocRun {
    let run: RunInstruction
    /// The folder a `#!` script is written to, removed after the step.
    private(set) var scratch: String?
    private(set) var mounts: [String] = []
    private(set) var bindRoots: [String: String] = [:]
    /// What the cache key adds for a `#!` script: its body (the command names only its path).
    private(set) var settings: [String] = []

    init(_ run: RunInstruction) { self.run = run }

    /// BuildKit's name suffix for a single heredoc: ` (first line...)`.
    var summary: String {
        guard let only = single else { return "" }
        let lines = only.content.drop { $0.isWhitespace }.split(separator: "\n")
        return " (" + (lines.first.map(String.init) ?? "") + (lines.count > 1 ? "..." : "") + ")"
    }

    /// The heredoc when the command is nothing but `<<EOF` (`<<-EOF`, `<<"EOF"`…).
    private var single: Heredoc? {
        guard run.heredocs.count == 1, case .shell(let text) = run.command else { return nil }
        var word = text.drop { $0.isWhitespace }
        guard word.hasPrefix("<<") else { return nil }
        word = word.dropFirst(2)
        if word.hasPrefix("-") { word = word.dropFirst() }
        while word.last?.isWhitespace == true { word = word.dropLast() }
        return word.filter { $0 != "\"" && $0 != "'" } == run.heredocs[0].name ? run.heredocs[0] : nil
    }

    /// The command to run, the shell form's text with the heredocs worked in; a `#!`
    /// script is written into `directory` (made here, only then) as `script` — never
    /// under its heredoc name, which the Dockerfile chose — and mounted at `/dev/pipes/NAME`.
    mutating func form(scratch directory: String) throws -> CommandForm {
        guard case .shell(let text) = run.command, !run.heredocs.isEmpty else { return run.command }
        guard let only = single else {
            return .shell(([text] + run.heredocs.map { $0.content + $0.name }).joined(separator: "\n"))
        }
        guard only.content.hasPrefix("#!") else { return .shell(only.content) }
        let name = only.name
        // The name becomes a file in /dev/pipes and a field of the mount's text.
        guard !name.isEmpty, name != ".", name != "..", !name.contains(where: { "/,=".contains($0) }) else {
            throw BuildFailure("heredoc name \"\(name)\" cannot name a script in /dev/pipes:"
                + " a `#!` here-document's name may not be . or .. nor hold /, , or =")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        scratch = directory
        try AtomicFile.write(Array(only.content.utf8), to: directory + "/script", durable: false)
        try Kernel.chmod(directory + "/script", mode: 0o755, note: "the RUN's here-document script can be executed")
        mounts = ["type=bind,from=/dev/pipes,source=script,target=/dev/pipes/\(name)"]
        bindRoots = ["/dev/pipes": directory]
        settings = ["heredoc \(name) " + Digest.of(Array(only.content.utf8)).description]
        return .shell("/dev/pipes/" + name)
    }

    func remove() {
        if let scratch { try? FileManager.default.removeItem(atPath: scratch) }
    }
}
