import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// How the tour looks on a terminal (colour, pauses) or in a log (plain text).
struct TourScreen {
    /// What the learner chose at a pause.
    enum Next: Equatable {
        case goOn, quit
        /// t: show the step's whole trace, then ask again.
        case wholeTrace
        /// A signal (Ctrl-C, a closed terminal, a kill) ends the tour.
        case interrupted(Int32)
    }

    let color: Bool
    let pausing: Bool
    /// A signalfd of the signals that end the tour, looked at whenever it waits.
    let interrupts: Int32
    /// The words the lessons link to, explained under the paragraph that links them.
    let glossary: Glossary

    func heading(_ lesson: Lesson) {
        Output.line(style("1", "\n━━ Lesson \(lesson.number): \(lesson.title.drop { $0 == "#" || $0 == " " }) ━━"))
    }

    /// Prints a stretch of explanation; one longer than the terminal is shown a page at
    /// a time, each page under the lesson's heading, so the heading never scrolls away.
    func prose(_ text: String, lesson: Lesson) -> Next {
        let annotated = glossary.annotate(text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("# ") }.joined(separator: "\n").trimmingBlankLines())
        let notes = annotated.notes.map { style("2", "  " + $0.split(separator: "\n").joined(separator: "\n    ")) }
        let lines = (annotated.text + (notes.isEmpty ? "" : "\n\n" + notes.joined(separator: "\n")))
            .split(separator: "\n", omittingEmptySubsequences: false)
        // Room for the heading, a blank line and the prompt.
        let room = max(10, terminalSize().rows - 4)
        guard pausing, lines.count > room else {
            Output.line("\n" + lines.joined(separator: "\n"))
            return .goOn
        }
        var start = 0
        while start < lines.count {
            if start > 0 { heading(lesson) }
            Output.line(lines[start..<min(start + room, lines.count)].joined(separator: "\n"))
            start += room
            if start < lines.count {
                let next = wait(prompt: "[Enter: more · q: quit]")
                if next != .goOn && next != .wholeTrace { return next }
            }
        }
        return .goOn
    }

    /// A file the lesson writes for the steps after it, shown as it is.
    func file(_ file: LessonFile) {
        Output.line("\n" + style("1;36", "── \(file.path) ──"))
        Output.write(file.content.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map { "  " + $0 + "\n" }.joined(), to: 1)
    }

    /// A step's command, its output, and `events`, its trace (read once by the tour).
    func step(_ step: LessonStep, _ outcome: StepOutcome, events: [TraceEvent], verdict: Bool?, miscounted: [String] = []) {
        Output.line("\n" + style("1;32", "$ \(step.command)"))
        if !outcome.output.isEmpty {
            Output.write(outcome.output.hasSuffix("\n") ? outcome.output : outcome.output + "\n", to: 1)
        }
        if outcome.status != 0 { Output.line(style("33", "[exit \(outcome.status)]")) }
        if !events.isEmpty {
            Output.line(style("2", "  ┌ kernel calls made by dockling for this step, by step:"))
            // The trace gets what the screen has left once the command, its output and
            // the prompt are on it (each step at least its heading and three lines).
            let size = terminalSize()
            let used = OutputMatcher.lines(outcome.output).count + 6
            for line in TraceView.render(events: events, width: size.columns - 4, whole: false,
                                         height: size.rows - used, storeRoot: outcome.storeRoot, color: color) {
                Output.line(style("2", "  │ ") + line)
            }
        }
        guard let verdict else { return }
        if verdict {
            Output.line(style("32", "✓ as the lesson says"))
        } else {
            Output.line(style("31", "✗ differs from the lesson, which expects:"))
            for line in step.expected { Output.line("    " + line) }
            Output.line("    [exit \(step.expectedExit)]")
            for line in miscounted { Output.line(style("31", "✗ " + line)) }
        }
    }

    /// Waits for Enter when a person is at the keyboard (q quits, t shows the step's
    /// whole trace); either way, a signal that came during the step ends the tour here.
    func pause(after outcome: StepOutcome, events: [TraceEvent]) -> Next {
        guard pausing else { return pendingInterrupt() ?? .goOn }
        while true {
            let next = wait(prompt: events.isEmpty ? "[Enter: next step · q: quit]"
                                                   : "[Enter: next step · t: every kernel call · q: quit]")
            guard next == .wholeTrace else { return next }
            if !events.isEmpty { wholeTrace(events, storeRoot: outcome.storeRoot) }
        }
    }

    /// Every event of the step, grouped and in order, none folded or left out.
    private func wholeTrace(_ events: [TraceEvent], storeRoot: String?) {
        Output.line(style("2", "  ┌ every kernel call made by dockling for this step:"))
        for line in TraceView.render(events: events, width: terminalSize().columns - 4, whole: true,
                                     storeRoot: storeRoot, color: color) {
            Output.line(style("2", "  │ ") + line)
        }
    }

    /// Waits for a line typed at the keyboard, or a signal.
    private func wait(prompt: String) -> Next {
        Output.write(style("2", "\n\(prompt) "), to: 1)
        var typed: [UInt8] = []
        while true {
            var polls = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                         pollfd(fd: interrupts, events: Int16(POLLIN), revents: 0)]
            if poll(&polls, 2, -1) < 0 { continue }
            if polls[1].revents != 0, let signal = pendingInterrupt() { return signal }
            var byte: UInt8 = 0
            guard polls[0].revents != 0, read(0, &byte, 1) == 1 else { return .quit }
            guard byte == UInt8(ascii: "\n") else {
                typed.append(byte)
                continue
            }
            switch typed.first {
            case UInt8(ascii: "q"): return .quit
            case UInt8(ascii: "t"): return .wholeTrace
            default: return .goOn
            }
        }
    }

    /// The signal waiting on `interrupts`, if any, taken without waiting.
    private func pendingInterrupt() -> Next? {
        var polls = [pollfd(fd: interrupts, events: Int16(POLLIN), revents: 0)]
        guard poll(&polls, 1, 0) == 1 else { return nil }
        var info = [UInt8](repeating: 0, count: 128)
        guard read(interrupts, &info, info.count) == 128 else { return nil }
        return .interrupted(Int32(info[0]) | Int32(info[1]) << 8)
    }

    func summary(passed: Int, failed: Int, checked: Bool) {
        guard checked else { return }
        Output.line("\ntour steps: \(passed) as the lessons say, \(failed) different")
    }

    /// The terminal's rows and columns; 45 × 160 when it does not say (a log, a pipe).
    private func terminalSize() -> (rows: Int, columns: Int) {
        guard let size = Kernel.windowSize(1), size.rows > 0, size.columns > 0 else { return (45, 160) }
        return (Int(size.rows), Int(size.columns))
    }

    private func style(_ code: String, _ text: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
