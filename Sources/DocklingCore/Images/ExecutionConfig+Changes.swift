extension ExecutionConfig {
    /// Applies `--change` instructions in order, as a Dockerfile would: a later ENV wins,
    /// WORKDIR is relative to the one before, and ENTRYPOINT drops the inherited CMD —
    /// which was written for the old entrypoint — unless the changes give a CMD too.
    public mutating func apply(_ changes: [ImageChange]) {
        let givesCmd = changes.contains { if case .cmd = $0 { true } else { false } }
        for change in changes {
            switch change {
            case .cmd(let words):
                cmd = words
            case .entrypoint(let words):
                entrypoint = words
                if !givesCmd { cmd = nil }
            case .env(let pairs):
                for pair in pairs { setEnvironment(pair) }
            case .workdir(let directory):
                workingDir = Path.absolute(directory, cwd: workingDir ?? "/")
            case .expose(let ports):
                var exposed = exposedPorts ?? [:]
                for port in ports { exposed[port] = EmptyObject() }
                exposedPorts = exposed
            }
        }
    }

    /// Sets `KEY=VALUE`, in the place KEY had if it was set already.
    private mutating func setEnvironment(_ pair: String) {
        let key = pair.prefix { $0 != "=" }
        var list = env ?? []
        if let index = list.firstIndex(where: { $0.prefix { $0 != "=" } == key }) {
            list[index] = pair
        } else {
            list.append(pair)
        }
        env = list
    }
}
