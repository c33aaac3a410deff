import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// How the tour looks on a terminal (colour, pauses) or in a log (plain text).
struct TourScreen {
    let color: Bool
    let pausing: Bool

    func heading(_ lesson: Lesson) {
        Output.line(style("1", "\n━━ Lesson \(lesson.number): \(lesson.title.drop { $0 == "#" || $0 == " " }) ━━"))
    }

    func prose(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("# ") }
        Output.line("\n" + lines.joined(separator: "\n").trimmingBlankLines())
    }

    func step(_ step: LessonStep, _ outcome: StepOutcome, verdict: Bool?) {
        Output.line("\n" + style("1;32", "$ \(step.command)"))
        if !outcome.output.isEmpty {
            Output.write(outcome.output.hasSuffix("\n") ? outcome.output : outcome.output + "\n", to: 1)
        }
        if outcome.status != 0 { Output.line(style("33", "[exit \(outcome.status)]")) }
        if !outcome.trace.isEmpty {
            Output.line(style("2", "  ┌ kernel calls made by dockling for this step:"))
            for line in OutputMatcher.lines(outcome.trace) { Output.line(style("2", "  │ " + line)) }
        }
        guard let verdict else { return }
        if verdict {
            Output.line(style("32", "✓ as the lesson says"))
        } else {
            Output.line(style("31", "✗ differs from the lesson, which expects:"))
            for line in step.expected { Output.line("    " + line) }
            Output.line("    [exit \(step.expectedExit)]")
        }
    }

    /// Waits for Enter when a person is at the keyboard; false means they typed q.
    func pause() -> Bool {
        guard pausing else { return true }
        Output.write(style("2", "\n[Enter: next step · q: quit] "), to: 1)
        var byte: UInt8 = 0
        var typed: [UInt8] = []
        while read(0, &byte, 1) == 1, byte != UInt8(ascii: "\n") { typed.append(byte) }
        return typed.first != UInt8(ascii: "q")
    }

    func summary(passed: Int, failed: Int, checked: Bool) {
        guard checked else { return }
        Output.line("\ntour steps: \(passed) as the lessons say, \(failed) different")
    }

    private func style(_ code: String, _ text: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
