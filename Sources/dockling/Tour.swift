import ArgumentParser
import DocklingCLI
import DocklingCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `dockling tour`: runs the lessons, step by step, with every kernel call traced.
struct Tour: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tour",
        abstract: "Walk through the lessons, running each step with tracing on.",
        discussion: "Each step's output is shown, then the kernel calls dockling made for it.")

    @Flag(help: "Do not wait for Enter between steps.") var noPause = false
    @Flag(help: "Fail when a step's output or exit status differs from the lesson.") var check = false
    @Option(help: "Run only the lesson with this number.") var lesson: Int?
    @Option(help: "The lessons folder (default: found beside dockling).") var lessons: String?
    @OptionGroup var store: StoreOption

    func run() throws {
        Tracer.configure(flag: .off)
        let bin = Path.parent(of: ContainerLauncher.initExecutable())
        let library = try LessonLibrary.locate(option: lessons, executableDirectory: bin)
        let chosen = try library.lessons().filter { lesson == nil || $0.number == lesson }
        guard !chosen.isEmpty else { throw UsageError(step: "tour", "there is no lesson \(lesson ?? 0)") }
        let scratch = try TourScratch()
        defer { scratch.remove() }
        var env: [String: String] = [:]
        if let path = store.path { env[StoreRoot.environmentVariable] = path }
        let runner = StepRunner(binDirectory: bin, workDirectory: scratch.path, extraEnvironment: env)
        let screen = TourScreen(color: isatty(1) == 1, pausing: !noPause && isatty(0) == 1)
        var failed = 0, passed = 0
        for lesson in chosen {
            screen.heading(lesson)
            for part in lesson.parts {
                switch part {
                case .prose(let text): screen.prose(text)
                case .step(let step):
                    let outcome = try runner.run(step)
                    let ok = outcome.status == step.expectedExit
                        && OutputMatcher.matches(expected: step.expected, actual: OutputMatcher.lines(outcome.output))
                    screen.step(step, outcome, verdict: check ? ok : nil)
                    if ok { passed += 1 } else { failed += 1 }
                    if !screen.pause() { return }
                }
            }
        }
        screen.summary(passed: passed, failed: failed, checked: check)
        if check && failed > 0 { throw ExitWith(1) }
    }
}

/// A scratch folder the steps run in, removed when the tour ends.
struct TourScratch {
    let path: String

    init() throws {
        var template = Array("/tmp/dockling-tour-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else {
            throw UsageError(step: "tour", "cannot create a scratch folder in /tmp")
        }
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
