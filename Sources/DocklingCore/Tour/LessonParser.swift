/// Reads a lesson's Markdown: prose stays prose; in a ```console block every `$ ` line
/// is a step, the lines up to the next `$ ` are its expected output, and a last line
/// `[exit N]` says the step fails on purpose with status N. A `<!-- trace: N call -->` line
/// in the prose after a step is a count the step's trace must have, not prose.
public enum LessonParser {
    public static func parse(_ text: String, fileName: String) throws -> Lesson {
        guard let number = Int(fileName.prefix { $0.isNumber }) else {
            throw UsageError(step: "tour", "lesson file \(fileName) does not start with its number (NN-name.md)")
        }
        var title = fileName
        var parts: [Lesson.Part] = []
        var prose: [String] = []
        var inConsole = false
        var current: LessonStep?
        var file: LessonFile?

        func flushProse() {
            let paragraph = prose.joined(separator: "\n").trimmingBlankLines()
            if !paragraph.isEmpty { parts.append(.prose(paragraph)) }
            prose = []
        }
        func flushStep() {
            if let step = current { parts.append(.step(finished(step))) }
            current = nil
        }

        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let open = file {
                if line.hasPrefix("```") {
                    parts.append(.file(open))
                    file = nil
                } else {
                    file?.content += line + "\n"
                }
            } else if inConsole {
                if line.hasPrefix("```") {
                    flushStep()
                    inConsole = false
                } else if line.hasPrefix("$ ") {
                    flushStep()
                    current = LessonStep(command: String(line.dropFirst(2)), expected: [])
                } else if current != nil {
                    current?.expected.append(line)
                }
            } else if line.hasPrefix("```console") {
                flushProse()
                inConsole = true
            } else if line.hasPrefix("```"), let path = try filePath(line, fileName: fileName) {
                flushProse()
                file = LessonFile(path: path, content: "")
            } else if let count = TraceCount(marker: line) {
                guard case .step(var step)? = parts.last, prose.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) else {
                    throw UsageError(step: "tour", "\(fileName): \(line) must follow a step's console block")
                }
                step.traceCounts.append(count)
                parts[parts.count - 1] = .step(step)
            } else {
                if line.hasPrefix("# "), title == fileName { title = String(line.dropFirst(2)) }
                prose.append(line)
            }
        }
        guard !inConsole, file == nil else {
            throw UsageError(step: "tour", "\(fileName): a fenced block is not closed")
        }
        flushProse()
        return Lesson(number: number, title: title, parts: parts)
    }

    /// The `file=PATH` of a fence's info string; nil when it has none. A path that could
    /// leave the tour's working folder is refused.
    private static func filePath(_ fence: String, fileName: String) throws -> String? {
        guard let word = fence.dropFirst(3).split(separator: " ").first(where: { $0.hasPrefix("file=") }) else {
            return nil
        }
        let path = String(word.dropFirst(5))
        guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            throw UsageError(step: "tour", "\(fileName): \(fence): a lesson file must be a path inside the tour's folder")
        }
        return path
    }

    /// Drops trailing blank lines and reads a final `[exit N]`.
    private static func finished(_ step: LessonStep) -> LessonStep {
        var step = step
        while step.expected.last?.allSatisfy(\.isWhitespace) == true {
            step.expected.removeLast()
        }
        if let last = step.expected.last, last.hasPrefix("[exit "), last.hasSuffix("]"),
           let code = Int32(last.dropFirst(6).dropLast()) {
            step.expectedExit = code
            step.expected.removeLast()
        }
        return step
    }
}

extension String {
    /// The text without blank lines at either end.
    public func trimmingBlankLines() -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false)
        while lines.first?.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
