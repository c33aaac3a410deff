/// One lesson file, `lessons/NN-name.md`: prose, and console blocks of steps to run.
public struct Lesson: Sendable, Equatable {
    /// A piece of the lesson in reading order.
    public enum Part: Sendable, Equatable {
        case prose(String)
        case step(LessonStep)
        /// A file the lesson shows, then writes into the tour's working folder for the
        /// steps after it: a fenced block whose info string has `file=PATH`.
        case file(LessonFile)
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

/// A file a lesson writes before the steps that use it (a Dockerfile, a program).
public struct LessonFile: Sendable, Equatable {
    /// Relative to the tour's working folder; never absolute, never `..`.
    public var path: String
    public var content: String

    public init(path: String, content: String) {
        self.path = path
        self.content = content
    }
}

/// A `$ command` line of a console block and the output the lesson promises.
public struct LessonStep: Sendable, Equatable {
    public var command: String
    /// Expected output lines; a line `...` stands for any number of lines.
    public var expected: [String]
    /// The exit status the step must end with (a trailing `[exit N]` line; 0 otherwise).
    public var expectedExit: Int32
    /// What the lesson's text counts in the step's trace ("the two `pipe2` calls"): a
    /// `<!-- trace: 2 pipe2 -->` line after the step, checked by `tour --check`.
    public var traceCounts: [TraceCount] = []

    public init(command: String, expected: [String], expectedExit: Int32 = 0) {
        self.command = command
        self.expected = expected
        self.expectedExit = expectedExit
    }

    /// How the step's trace events differ from what the lesson counts, one line each.
    public func traceMismatches(_ events: [TraceEvent]) -> [String] {
        traceCounts.compactMap { counted in
            let found = events.filter { $0.call == counted.call }.count
            return found == counted.count ? nil
                : "the lesson counts \(counted.count) × \(counted.call), the trace has \(found)"
        }
    }
}

/// "This step's trace has exactly `count` calls of `call`."
public struct TraceCount: Sendable, Equatable {
    public var call: String
    public var count: Int

    /// Reads `<!-- trace: 2 pipe2 -->`; nil for any other line.
    init?(marker line: String) {
        let words = line.split(separator: " ")
        guard words.count == 5, words[0] == "<!--", words[1] == "trace:", words[4] == "-->",
              let count = Int(words[2]) else { return nil }
        self.call = String(words[3])
        self.count = count
    }
}
