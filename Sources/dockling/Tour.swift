import ArgumentParser
import DocklingCLI
import DocklingCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `dockling tour`: runs the lessons, step by step, with every kernel call traced, in a
/// store of the tour's own — never the learner's.
struct Tour: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tour",
        abstract: "Walk through the lessons, running each step with tracing on.",
        discussion: """
            Each step's output is shown, then the kernel calls dockling made for it. The tour keeps \
            its images and containers in a scratch store of its own under /tmp, removed when it ends \
            (also on q or Ctrl-C; a tour that was killed is cleaned up by the next one).
            """)

    @Flag(help: "Do not wait for Enter between steps.") var noPause = false
    @Flag(help: "Fail when a step's output or exit status differs from the lesson.") var check = false
    @Option(help: "Run only the lesson with this number.") var lesson: Int?
    @Option(help: "The lessons folder (default: found beside dockling).") var lessons: String?

    func run() throws {
        Tracer.configure(flag: .off)
        let bin = Path.parent(of: ContainerLauncher.initExecutable())
        let library = try LessonLibrary.locate(option: lessons, executableDirectory: bin)
        let chosen = try library.lessons().filter { lesson == nil || $0.number == lesson }
        guard !chosen.isEmpty else { throw UsageError(step: "tour", "there is no lesson \(lesson ?? 0)") }
        // Ctrl-C, a closed terminal or a kill end the tour between two steps, cleaned up.
        let interrupts = try Kernel.signalDescriptor([SIGINT, SIGTERM, SIGHUP, SIGQUIT],
                                                     note: "the tour cleans up before it ends, whatever ends it")
        let dockling = bin + "/dockling"
        TourPlace.removeAbandoned(dockling: dockling)
        let place = try TourPlace()
        defer { place.remove(dockling: dockling) }
        let screen = TourScreen(color: isatty(1) == 1, pausing: !noPause && isatty(0) == 1, interrupts: interrupts,
                                glossary: library.glossary())
        var failed = 0, passed = 0
        for lesson in chosen {
            screen.heading(lesson)
            let runner = StepRunner(binDirectory: bin, workDirectory: try place.folder(for: lesson),
                                    extraEnvironment: [StoreRoot.environmentVariable: place.store])
            for part in lesson.parts {
                switch part {
                case .prose(let text):
                    try stop(at: screen.prose(text, lesson: lesson))
                case .file(let file):
                    try TourPlace.write(file, into: runner.workDirectory)
                    screen.file(file)
                case .step(let step):
                    let outcome = try runner.run(step)
                    let events = TraceView.events(in: outcome.trace)
                    let miscounted = step.traceMismatches(events)
                    let ok = outcome.status == step.expectedExit && miscounted.isEmpty
                        && OutputMatcher.matches(expected: step.expected, actual: OutputMatcher.lines(outcome.output))
                    screen.step(step, outcome, events: events, verdict: check ? ok : nil, miscounted: miscounted)
                    if ok { passed += 1 } else { failed += 1 }
                    try stop(at: screen.pause(after: outcome, events: events))
                }
            }
        }
        screen.summary(passed: passed, failed: failed, checked: check)
        if check && failed > 0 { throw ExitWith(1) }
    }

    /// Ends the tour when the learner quit (0) or a signal came (128 + N); the tour's
    /// place is cleaned up on the way out either way.
    private func stop(at next: TourScreen.Next) throws {
        switch next {
        case .goOn, .wholeTrace: return
        case .quit: throw ExitWith(0)
        case .interrupted(let signal): throw ExitWith(128 + signal)
        }
    }
}
