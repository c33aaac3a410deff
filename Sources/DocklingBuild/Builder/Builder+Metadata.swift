import DocklingCore

extension Builder {
    /// Applies an instruction that changes only the config (its variables already
    /// substituted) and returns its history entry as BuildKit writes it — nil for ONBUILD,
    /// which BuildKit keeps out of the history.
    func applyMetadata(_ instruction: Instruction, to state: inout StageState) throws -> String? {
        var execution = state.execution
        defer { state.execution = execution }
        switch instruction {
        case .env(let pairs):
            execution.apply([.env(pairs.map { $0.name + "=" + $0.value })])
            return "ENV " + pairs.map { $0.name + "=" + $0.value }.joined(separator: " ")
        case .label(let pairs):
            var labels = execution.labels ?? [:]
            for pair in pairs { labels[pair.name] = pair.value }
            execution.labels = labels
            return "LABEL " + pairs.map { $0.name + "=" + $0.value }.joined(separator: " ")
        case .cmd(let form):
            execution.cmd = command(form, shell: execution.shell)
            state.cmdSet = true
            return "CMD " + GoQuote.list(execution.cmd!)
        case .entrypoint(let form):
            execution.entrypoint = command(form, shell: execution.shell)
            // The inherited CMD was written for the old entrypoint: dropped, unless this stage set one.
            if !state.cmdSet { execution.cmd = nil }
            return "ENTRYPOINT " + GoQuote.list(execution.entrypoint!)
        case .shell(let words):
            execution.shell = words
            return "SHELL " + GoFormat.list(words)
        case .user(let user):
            execution.user = user
            return "USER " + user
        case .expose(let words):
            let ports = try words.flatMap(Self.exposedPorts)
            execution.apply([.expose(ports)])
            return "EXPOSE " + GoFormat.list(ports)
        case .volume(let paths):
            guard !paths.contains("") else { throw BuildFailure("VOLUME specified can not be an empty string") }
            var volumes = execution.volumes ?? [:]
            for path in paths { volumes[path] = EmptyObject() }
            execution.volumes = volumes
            return "VOLUME " + GoFormat.list(paths)
        case .stopSignal(let signal):
            execution.stopSignal = signal
            return "STOPSIGNAL " + signal
        case .maintainer(let name):
            state.config.author = name
            return "MAINTAINER " + name
        case .healthcheck(let check):
            execution.healthcheck = check
            return "HEALTHCHECK " + Self.goStruct(check)
        case .onbuild(let trigger):
            execution.onBuild = (execution.onBuild ?? []) + [trigger.original]
            return nil
        case .arg, .run, .copy, .workdir:
            preconditionFailure("\(instruction) is not a config-only instruction")
        }
    }

    /// The argv of a CMD, ENTRYPOINT or RUN: the exec form as it is, the shell form
    /// handed to the stage's SHELL (`/bin/sh -c` by default) as one word.
    func command(_ form: CommandForm, shell: [String]?) -> [String] {
        switch form {
        case .exec(let words): words
        case .shell(let text): (shell ?? ["/bin/sh", "-c"]) + [text]
        }
    }

    /// Go's `%+v` of docker's `HealthcheckConfig`, as BuildKit's history entry prints it.
    static func goStruct(_ check: ExecutionConfig.Healthcheck) -> String {
        let d = GoFormat.duration
        return "{Test:\(GoFormat.list(check.test ?? [])) Interval:\(d(check.interval ?? 0)) Timeout:\(d(check.timeout ?? 0))"
            + " StartPeriod:\(d(check.startPeriod ?? 0)) StartInterval:\(d(check.startInterval ?? 0)) Retries:\(check.retries ?? 0)}"
    }

    /// One EXPOSE word as the config's keys: `80` → `80/tcp`, `53/udp`, `8000-8002` → three
    /// (BuildKit `parsePortSpec`).
    static func exposedPorts(_ word: String) throws -> [String] {
        let parts = word.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let proto = parts.count == 2 ? parts[1].lowercased() : "tcp"
        guard ["tcp", "udp", "sctp"].contains(proto) else { throw BuildFailure("invalid proto: \(proto)") }
        let container = parts[0].split(separator: ":").last.map(String.init) ?? ""
        let range = container.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(range.count), let first = UInt16(range[0]), let last = UInt16(range[range.count - 1]),
              first <= last else {
            throw BuildFailure("invalid containerPort: \(container)")
        }
        return (first...last).map { "\($0)/\(proto)" }
    }
}
