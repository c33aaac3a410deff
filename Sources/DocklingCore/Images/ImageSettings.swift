import FoundationEssentials

/// How a new image's containers start, as given on the command line:
/// `--cmd 'httpd -f'` or `--cmd '["httpd","-f"]'`, `--entrypoint`, `--env K=V`,
/// `--workdir DIR`.
public struct ImageSettings: Sendable {
    public var cmd: [String]?
    public var entrypoint: [String]?
    public var env: [String]
    public var workingDir: String?

    public init(cmd: String?, entrypoint: String?, env: [String], workingDir: String?) throws {
        self.cmd = try cmd.map(Self.words)
        self.entrypoint = try entrypoint.map(Self.words)
        for pair in env where !pair.contains("=") || pair.hasPrefix("=") {
            throw ImageError("--env '\(pair)' is not KEY=VALUE")
        }
        self.env = env
        if let workingDir, !Path.isAbsolute(workingDir) {
            throw ImageError("--workdir '\(workingDir)' is not an absolute path")
        }
        self.workingDir = workingDir
    }

    /// The `config` object of the image config.
    var executionConfig: ExecutionConfig {
        ExecutionConfig(env: env.isEmpty ? nil : env, entrypoint: entrypoint, cmd: cmd, workingDir: workingDir)
    }

    /// A JSON array of strings as it is, or words split at blanks, with '…' and "…"
    /// quoting and backslash escapes, as a shell would split them.
    static func words(_ text: String) throws -> [String] {
        if text.hasPrefix("[") {
            return try JSONCoding.decode([String].self, from: Array(text.utf8), what: "the command '\(text)'")
        }
        var words: [String] = []
        var current: String?
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                current = (current ?? "") + String(character)
                escaped = false
            } else if character == "\\" && quote != "'" {
                escaped = true
            } else if let open = quote {
                if character == open { quote = nil } else { current = (current ?? "") + String(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                current = current ?? ""
            } else if character == " " || character == "\t" {
                if let word = current { words.append(word) }
                current = nil
            } else {
                current = (current ?? "") + String(character)
            }
        }
        guard quote == nil, !escaped else { throw ImageError("unterminated quote in '\(text)'") }
        if let word = current { words.append(word) }
        return words
    }
}
