import DocklingCore

/// What a step's result depends on, as BuildKit keys it: the image it starts from (and so
/// every step before it, and the config those made), the instruction after variables were
/// substituted — for RUN with the build args in scope before the command, as the history
/// writes it — and, for COPY and ADD, what was read: the content key of the files copied
/// from the context, a stage or an image (content, mode, owner, type, link target; never mtime).
/// Equal parts, equal key: the step's earlier image is reused.
public struct CacheKey: Sendable, Equatable {
    /// The parent's image id, or `scratch`.
    public var parent: String
    /// The instruction as the history writes it (`RUN |1 V=2 /bin/sh -c make # buildkit`).
    public var instruction: String
    /// What else a RUN depends on: its network and `--mount`s.
    public var settings: [String]
    /// `ContentKey.digest` of the files a COPY or ADD read (from the context, or `--from`
    /// a stage or image).
    public var source: String?

    public init(parent: String, instruction: String, settings: [String] = [], source: String? = nil) {
        self.parent = parent
        self.instruction = instruction
        self.settings = settings
        self.source = source
    }

    /// The parts as lines, as the digest hashes them and `dockling-build` shows them.
    public var parts: [String] {
        ["parent " + parent, "instruction " + instruction] + settings.map { "setting " + $0 }
            + (source.map { ["source " + $0] } ?? [])
    }

    /// The key: sha256 of the parts, each after its length in bytes (`12:parent sha…`),
    /// so that no part's text — a heredoc's newlines, a mount's value — can pass for a
    /// boundary between parts: two different lists never hash the same bytes.
    public var digest: Digest {
        Digest.of(parts.flatMap { Array("\($0.utf8.count):".utf8) + Array($0.utf8) })
    }
}
