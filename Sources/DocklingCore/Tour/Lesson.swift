/// One lesson file, `lessons/NN-name.md`: prose, and console blocks of steps to run.
public struct Lesson: Sendable, Equatable {
    /// A piece of the lesson in reading order.
    public enum Part: Sendable, Equatable {
        case prose(String)
        case step(LessonStep)
    }

    /// The NN of the file name.
    public var number: Int
    /// The first `# ` heading.
    public var title: String
    public var parts: [Part]

    public var steps: [LessonStep] {
        parts.compactMap { if case .step(let step) = $0 { return step } else { return nil } }
    }
}

/// A `$ command` line of a console block and the output the lesson promises.
public struct LessonStep: Sendable, Equatable {
    public var command: String
    /// Expected output lines; a line `...` stands for any number of lines.
    public var expected: [String]
    /// The exit status the step must end with (a trailing `[exit N]` line; 0 otherwise).
    public var expectedExit: Int32

    public init(command: String, expected: [String], expectedExit: Int32 = 0) {
        self.command = command
        self.expected = expected
        self.expectedExit = expectedExit
    }
}
