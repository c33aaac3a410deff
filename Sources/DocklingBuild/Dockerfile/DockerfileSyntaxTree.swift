/// A Dockerfile as the line parser reads it (BuildKit's `parser.Parse`): parser directives,
/// comments and continuation lines dealt with, each instruction split into keyword, flags,
/// arguments and heredocs — but no instruction checked yet. `dump()` prints it in BuildKit's
/// own test format, so the two parsers can be compared line by line.
public struct DockerfileSyntaxTree: Sendable {
    public var instructions: [DockerfileNode]
    /// The parser directives at the top, keys lower-cased: `escape`, `syntax`, `check`.
    public var directives: [String: String]
    public var warnings: [DockerfileWarning]
    /// `\`, or `` ` `` under `# escape=``.
    public var escape: Character

    /// BuildKit's `Node.Dump()` of the whole file: one `(instruction …)` line each.
    public func dump() -> String {
        instructions.map { "(" + $0.dump() + ")\n" }.joined()
    }

    /// Reads `text`; `file` names it in errors. Fails only where BuildKit's line parser fails
    /// (and on an empty file, as BuildKit's frontend does before parsing): an unknown
    /// instruction still parses here, the typed layer rejects it.
    public static func parse(_ text: String, file: String) throws(DockerfileError) -> DockerfileSyntaxTree {
        if text.isEmpty { throw DockerfileError(file: file, line: nil, message: "the Dockerfile cannot be empty") }
        var reader = DockerfileLineReader(text: text, file: file)
        return try reader.read()
    }
}
