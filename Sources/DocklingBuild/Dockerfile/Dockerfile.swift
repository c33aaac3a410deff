/// A parsed Dockerfile: its parser directives, the `ARG`s before the first `FROM`, and its
/// stages, each a `FROM` and the typed steps after it.
///
/// Parsing happens in two layers, as in BuildKit: `DockerfileSyntaxTree` turns the text into
/// raw nodes (`DockerfileNode`, what `dump()` prints), then each node becomes a typed
/// `Instruction`. Variables are not substituted here: that needs the build's values, see
/// `Instruction.expanded(_:_:)`.
public struct Dockerfile: Sendable, Encodable {
    /// The file as the user named it, used in errors.
    public var file: String
    /// The parser directives at the top of the file, keys lower-cased: `escape`, `syntax`, `check`.
    public var directives: [String: String]
    /// What docker would warn about, e.g. empty continuation lines.
    public var warnings: [DockerfileWarning]
    /// The `ARG`s before the first `FROM`, in order: usable in `FROM` lines only.
    public var globalArgs: [ArgDeclaration]
    public var stages: [Stage]
    /// The raw instructions as the line parser read them (BuildKit's `parser.Node` tree).
    public var syntaxTree: DockerfileSyntaxTree

    /// The character that continues a line and escapes in words: `\` unless the `escape`
    /// directive says `` ` ``.
    public var escape: Character { syntaxTree.escape }

    /// BuildKit's `Node.Dump()` of the whole file: one s-expression line per instruction.
    public func dump() -> String { syntaxTree.dump() }

    /// What `--format json` shows: the raw tree is left to `dump()`.
    private enum CodingKeys: String, CodingKey { case file, directives, warnings, globalArgs, stages }
}

/// One stage: a `FROM` line and everything up to the next `FROM`.
public struct Stage: Sendable, Encodable {
    /// 0-based, as `COPY --from=0` counts.
    public var index: Int
    /// The `AS name`, lower-cased as BuildKit does.
    public var name: String?
    /// The image or stage reference as written (unexpanded).
    public var base: String
    /// The `--platform` value as written.
    public var platform: String?
    /// The `FROM` line (1-based).
    public var line: Int
    /// Everything after `FROM`, up to the next `FROM`.
    public var steps: [Step]

    public init(index: Int, name: String?, base: String, platform: String?, line: Int, steps: [Step]) {
        self.index = index
        self.name = name
        self.base = base
        self.platform = platform
        self.line = line
        self.steps = steps
    }
}

/// One instruction of a stage, typed, with where it was written.
public struct Step: Sendable, Equatable, Encodable {
    public var instruction: Instruction
    /// The first and last line (1-based) the instruction spans, heredoc bodies included.
    public var line: Int
    public var endLine: Int
    /// The instruction's text as written, continuation lines joined: what BuildKit's step
    /// name shows after `[stage i/n] `, and what an `ONBUILD` trigger stores in the config.
    public var original: String

    public init(instruction: Instruction, line: Int, endLine: Int, original: String) {
        self.instruction = instruction
        self.line = line
        self.endLine = endLine
        self.original = original
    }
}

