// The typed Dockerfile as JSON (`dockling-build parse --format json`): stage by stage, each
// step with its lines, its text as written and its instruction's fields (the structs get
// Swift's own Encodable; the enums say here how they look). Unset optional fields are left out.

extension CommandForm: Encodable {
    private enum CodingKeys: String, CodingKey { case exec, shell }

    /// `{"exec": ["a", "b"]}` or `{"shell": "a b"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .exec(let words): try container.encode(words, forKey: .exec)
        case .shell(let text): try container.encode(text, forKey: .shell)
        }
    }
}

extension Instruction: Encodable {
    private enum CodingKeys: String, CodingKey {
        case keyword, command, shell, pairs, args, path, user, ports, volumes, maintainer, signal, healthcheck, trigger
    }

    /// `{"keyword": "RUN", …the instruction's own fields}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(keyword, forKey: .keyword)
        switch self {
        case .run(let run): try run.encode(to: encoder)
        case .cmd(let command), .entrypoint(let command): try container.encode(command, forKey: .command)
        case .shell(let words): try container.encode(words, forKey: .shell)
        case .env(let pairs), .label(let pairs): try container.encode(pairs, forKey: .pairs)
        case .arg(let declarations): try container.encode(declarations, forKey: .args)
        case .copy(let copy): try copy.encode(to: encoder)
        case .workdir(let path): try container.encode(path, forKey: .path)
        case .user(let user): try container.encode(user, forKey: .user)
        case .expose(let ports): try container.encode(ports, forKey: .ports)
        case .volume(let paths): try container.encode(paths, forKey: .volumes)
        case .maintainer(let name): try container.encode(name, forKey: .maintainer)
        case .stopSignal(let signal): try container.encode(signal, forKey: .signal)
        case .healthcheck(let check): try container.encode(check, forKey: .healthcheck)
        case .onbuild(let trigger): try container.encode(trigger, forKey: .trigger)
        }
    }

    /// The instruction's keyword in capitals: `RUN`, `COPY`, `ADD`, `STOPSIGNAL`…
    public var keyword: String {
        switch self {
        case .run: "RUN"
        case .cmd: "CMD"
        case .entrypoint: "ENTRYPOINT"
        case .shell: "SHELL"
        case .env: "ENV"
        case .arg: "ARG"
        case .copy(let copy): copy.isAdd ? "ADD" : "COPY"
        case .workdir: "WORKDIR"
        case .user: "USER"
        case .expose: "EXPOSE"
        case .volume: "VOLUME"
        case .label: "LABEL"
        case .maintainer: "MAINTAINER"
        case .stopSignal: "STOPSIGNAL"
        case .healthcheck: "HEALTHCHECK"
        case .onbuild: "ONBUILD"
        }
    }
}
