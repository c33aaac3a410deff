extension Instruction {
    /// The instruction with variables substituted exactly where BuildKit substitutes them, with
    /// one snapshot of the variables (`lookup`) for the whole instruction:
    ///
    /// - ENV and LABEL names and values, ARG defaults (quotes and escapes processed, so the
    ///   values come out unquoted), WORKDIR, USER, STOPSIGNAL, each VOLUME path, each EXPOSE
    ///   port (a variable may hold several: `EXPOSE $PORTS`);
    /// - COPY/ADD sources, destination, `--chown`, `--chmod`, `--checksum`, and the bodies of
    ///   heredoc sources whose delimiter was not quoted (`$` and `\` only: quotes stay);
    /// - each `key=value` of a RUN `--mount`.
    ///
    /// Untouched: RUN, CMD, ENTRYPOINT, SHELL and HEALTHCHECK commands (the shell expands
    /// those when it runs them), MAINTAINER, and ONBUILD triggers (expanded when a child image
    /// runs them). `FROM` is not an instruction here: expand `Stage.base` and `Stage.platform`
    /// with `WordExpander.expand` and the global ARGs.
    ///
    /// `COPY --from` is never expanded; a `$` in it is an error, as in BuildKit. Errors have no
    /// file or line: set the step's.
    public func expanded(_ expander: WordExpander, _ lookup: (String) -> String?) throws(DockerfileError) -> Instruction {
        func word(_ text: String) throws(DockerfileError) -> String { try expander.expand(text, lookup) }
        func optional(_ text: String?) throws(DockerfileError) -> String? { try text.map(word) }
        func pairs(_ pairs: [NameValue]) throws(DockerfileError) -> [NameValue] {
            try pairs.map { pair throws(DockerfileError) in NameValue(name: try word(pair.name), value: try word(pair.value)) }
        }
        switch self {
        case .run(var run):
            run.mounts = try run.mounts.map { mount throws(DockerfileError) in
                try MountFields.split(mount).map { field throws(DockerfileError) in
                    var field = field
                    if field.hasValue { field.value = try word(field.value) }
                    return field.text
                }.joined(separator: ",")
            }
            return .run(run)
        case .env(let variables): return .env(try pairs(variables))
        case .label(let labels): return .label(try pairs(labels))
        case .arg(let declarations):
            return .arg(try declarations.map { declaration throws(DockerfileError) in
                ArgDeclaration(name: declaration.name, defaultValue: try optional(declaration.defaultValue))
            })
        case .copy(var copy):
            if let from = copy.from, try expander.expand(from, { _ in nil }) != from {
                throw DockerfileError(file: "", line: nil, message: "variable expansion is not supported for --from, "
                                      + "define a new stage with FROM using ARG from global scope as a workaround")
            }
            copy.sources = try copy.sources.map { source throws(DockerfileError) in
                copy.heredocs.contains { $0.name == source } ? source : try word(source)
            }
            copy.destination = try word(copy.destination)
            copy.chown = try optional(copy.chown)
            copy.chmod = try optional(copy.chmod)
            copy.checksum = try optional(copy.checksum)
            let body = ShellLexer(skipQuotes: true)
            copy.heredocs = try copy.heredocs.map { heredoc throws(DockerfileError) in
                guard heredoc.expand else { return heredoc }
                var heredoc = heredoc
                do throws(ShellLexerError) {
                    heredoc.content = try body.processWord(heredoc.content, lookup)
                } catch {
                    throw DockerfileError(file: "", line: nil, message: error.message)
                }
                return heredoc
            }
            return .copy(copy)
        case .workdir(let path): return .workdir(try word(path))
        case .user(let user): return .user(try word(user))
        case .stopSignal(let signal): return .stopSignal(try word(signal))
        case .volume(let paths): return .volume(try paths.map(word))
        case .expose(let ports):
            var expanded: [String] = []
            for port in ports { expanded += try expander.expandWords(port, lookup) }
            return .expose(expanded)
        case .cmd, .entrypoint, .shell, .healthcheck, .maintainer, .onbuild:
            return self
        }
    }
}
