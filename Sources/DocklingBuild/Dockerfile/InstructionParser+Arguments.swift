import DocklingCore

/// The instructions with flags of their own: RUN, COPY/ADD, HEALTHCHECK.
extension InstructionParser {
    static func run(_ node: DockerfileNode) throws(DockerfileError.Message) -> RunInstruction {
        let flags = try InstructionFlags(node.flags, accepted: ["mount": .strings, "network": .string, "security": .string])
        if let network = flags.string("network"), !["default", "none", "host"].contains(network) {
            throw .init("invalid network mode \(GoQuote.string(network))")
        }
        if let security = flags.string("security"), !["insecure", "sandbox"].contains(security) {
            throw .init("security \(GoQuote.string(security)) is not valid")
        }
        for mount in flags.strings("mount") {
            for field in MountFields.split(mount) where field.key.lowercased() == "from" {
                // A stage name must be known before the build starts: no `$` in it.
                if let dollar = field.value.firstIndex(of: "$"), field.value.index(after: dollar) != field.value.endIndex {
                    throw .init("'from' doesn't support variable expansion, define alias stage instead")
                }
            }
        }
        return RunInstruction(command: command(node), heredocs: node.heredocs, mounts: flags.strings("mount"),
                              network: flags.string("network"), security: flags.string("security"))
    }

    static func copy(_ node: DockerfileNode, isAdd: Bool) throws(DockerfileError.Message) -> CopyInstruction {
        let name = isAdd ? "ADD" : "COPY"
        let words = node.words
        guard words.count >= 2 else {
            throw .init("\(name) requires at least two arguments, but only one was provided. Destination could not be determined")
        }
        let accepted: [String: InstructionFlags.Kind] = isAdd
            ? ["chown": .string, "chmod": .string, "link": .bool, "keep-git-dir": .bool, "checksum": .string,
               "unpack": .bool, "exclude": .strings]
            : ["chown": .string, "from": .string, "chmod": .string, "link": .bool, "exclude": .strings, "parents": .bool]
        let flags = try InstructionFlags(node.flags, accepted: accepted)
        let destination = words[words.count - 1]
        if try HeredocWord(destination) != nil { throw .init("\(name) cannot accept a heredoc as a destination") }
        var heredocs: [Heredoc] = []
        for source in words.dropLast() {
            guard let word = try HeredocWord(source) else { continue }
            heredocs.append(node.heredocs.first { $0.name == word.name } ?? Heredoc(name: word.name, content: "", expand: word.expand))
        }
        let sources = try words.dropLast().map { source throws(DockerfileError.Message) in try HeredocWord(source)?.name ?? source }
        return CopyInstruction(isAdd: isAdd, sources: sources, destination: destination, heredocs: heredocs,
                               from: flags.string("from"), chown: flags.string("chown"), chmod: flags.string("chmod"),
                               checksum: flags.string("checksum"), link: flags.bool("link"),
                               keepGitDir: flags.bool("keep-git-dir"), parents: flags.bool("parents"),
                               excludes: flags.strings("exclude"))
    }

    /// `HEALTHCHECK NONE`, or `HEALTHCHECK [flags] CMD command`: the shell form is stored as
    /// `["CMD-SHELL", text]`, the exec form as `["CMD", …]`; durations in nanoseconds, `nil`
    /// when not given (docker's default).
    static func healthcheck(_ node: DockerfileNode) throws(DockerfileError.Message) -> ExecutionConfig.Healthcheck {
        let words = node.words
        guard let kind = words.first?.uppercased() else { throw .init("HEALTHCHECK requires at least one argument") }
        if kind == "NONE" {
            guard words.count == 1 else { throw .init("HEALTHCHECK NONE takes no arguments") }
            return ExecutionConfig.Healthcheck(test: ["NONE"])
        }
        let flags = try InstructionFlags(node.flags, accepted: [
            "interval": .string, "timeout": .string, "start-period": .string, "start-interval": .string, "retries": .string,
        ])
        guard kind == "CMD" else { throw .init("Unknown type \(GoQuote.string(kind)) in HEALTHCHECK (try CMD)") }
        let arguments = Array(words.dropFirst())
        guard !arguments.isEmpty else { throw .init("Missing command after HEALTHCHECK CMD") }
        func interval(_ name: String) throws(DockerfileError.Message) -> Int64? {
            guard let text = flags.string(name), !text.isEmpty else { return nil }
            let duration = try GoDuration.nanoseconds(text)
            if duration != 0 && duration < 1_000_000 { throw .init("Interval \(GoQuote.string(name)) cannot be less than 1ms") }
            return duration
        }
        var retries: Int?
        if let text = flags.string("retries"), !text.isEmpty {
            guard let value = Int32(text) else {
                let digits = text.drop { $0 == "-" || $0 == "+" }
                let reason = !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber } ? "value out of range" : "invalid syntax"
                throw .init("strconv.ParseInt: parsing \(GoQuote.string(text)): \(reason)")
            }
            guard value >= 0 else { throw .init("--retries cannot be negative (\(value))") }
            retries = Int(value)
        }
        return ExecutionConfig.Healthcheck(test: node.isJSON ? ["CMD"] + arguments : ["CMD-SHELL", arguments.joined(separator: " ")],
                                           interval: try interval("interval"), timeout: try interval("timeout"),
                                           startPeriod: try interval("start-period"), startInterval: try interval("start-interval"),
                                           retries: retries)
    }
}
