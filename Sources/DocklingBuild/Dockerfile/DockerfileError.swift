import DocklingCore

/// A Dockerfile that cannot be read, in docker's words, with the file and the 1-based line
/// it is about (`nil` when the file as a whole is wrong, e.g. it is empty).
///
/// It is a `DocklingFailure` so that every dockling executable prints it the same way:
/// `dockling-build: Dockerfile:3: unknown instruction: FOO`.
public struct DockerfileError: DocklingFailure, Sendable {
    /// The file as the user named it, e.g. `Dockerfile`.
    public var file: String
    /// The 1-based line the error is about; `nil` when the file as a whole is wrong.
    public var line: Int?
    /// What is wrong, in docker's words, e.g. `unknown instruction: FOO`.
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `Dockerfile:3`, or just `Dockerfile` when no line is known.
    public var step: String { line.map { "\(file):\($0)" } ?? file }
    public var what: String { message }
}

/// Something docker accepts but tells the user about, e.g. an empty continuation line
/// or a `# syntax=` directive that dockling does not follow (no frontend is pulled).
public struct DockerfileWarning: Sendable, Equatable, Encodable {
    /// The 1-based line the warning is about.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

extension DockerfileError {
    /// A message not yet tied to a line: what the lower parsing layers throw, and the
    /// layer that knows the line turns into a `DockerfileError`.
    struct Message: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }
}
