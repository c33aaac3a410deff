import DocklingCore

/// What one Dockerfile instruction asks for, typed. Values are as written: variables are
/// substituted later, by `expanded(_:_:)`, with the values the build has at that step.
public enum Instruction: Sendable, Equatable {
    case run(RunInstruction)
    case cmd(CommandForm)
    case entrypoint(CommandForm)
    case shell([String])
    /// Values RAW: quotes and escapes are processed by `expanded(_:_:)`.
    case env([NameValue])
    /// Defaults RAW, as for `env`.
    case arg([ArgDeclaration])
    /// COPY and ADD (`isAdd`).
    case copy(CopyInstruction)
    case workdir(String)
    case user(String)
    case expose([String])
    case volume([String])
    case label([NameValue])
    case maintainer(String)
    case stopSignal(String)
    /// Docker's own config field, as BuildKit's parser makes it (`container.HealthConfig`):
    /// `HEALTHCHECK NONE` is the test `["NONE"]`, which switches off the base image's check.
    case healthcheck(ExecutionConfig.Healthcheck)
    /// The trigger, parsed; its `Step.original` is what goes into the config's `OnBuild`.
    indirect case onbuild(Step)
}

/// `NAME=value` of ENV and LABEL.
public struct NameValue: Sendable, Equatable, Encodable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// `ARG name[=default]`.
public struct ArgDeclaration: Sendable, Equatable, Encodable {
    public var name: String
    /// `nil` when the ARG has no `=`: its value comes from `--build-arg` or a global ARG.
    public var defaultValue: String?
    public init(name: String, defaultValue: String?) {
        self.name = name
        self.defaultValue = defaultValue
    }
}

/// A here-document (`<<EOF` … `EOF`) of RUN, COPY or ADD.
public struct Heredoc: Sendable, Equatable, Encodable {
    /// The delimiter word, quotes removed.
    public var name: String
    /// The body: `<<-` tab stripping already applied; ends with "\n" unless empty.
    public var content: String
    /// `false` when the delimiter was quoted (`<<'EOF'`, `<<"EOF"`): no build-time expansion.
    public var expand: Bool
    public init(name: String, content: String, expand: Bool) {
        self.name = name
        self.content = content
        self.expand = expand
    }
}
