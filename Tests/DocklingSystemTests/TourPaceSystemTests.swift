import Foundation
import XCTest

/// Issue 23: steps that only passed because `--check` does not pause. Lessons 6 and 7,
/// which keep containers between steps, run on a 160×45 terminal with a reader's pause
/// (40 s unless DOCKLING_TOUR_PAUSE says otherwise) before every step, the two lessons at
/// once: about 17 minutes, so `make pacetest` runs it (CI beside `make vmtest`), not
/// `make test`.
final class TourPaceSystemTests: XCTestCase {
    override func setUpWithError() throws {
        try Tool.requireRoot()
        try Tool.requireProgram("setsid", package: "util-linux")
        try Tool.requireProgram("busybox", package: "busybox-static")
    }

    func testLessonsSixAndSevenMatchWithAReadersPauseBeforeEveryStep() throws {
        let seconds = ProcessInfo.processInfo.environment["DOCKLING_TOUR_PAUSE"].flatMap(TimeInterval.init) ?? 40
        let lessons = ["6", "7"]
        let results = ResultBox(count: lessons.count)
        DispatchQueue.concurrentPerform(iterations: lessons.count) { index in
            results.set(index, Self.readAtPace(lesson: lessons[index], pause: seconds))
        }
        for (lesson, result) in zip(lessons, results.values) {
            XCTAssertEqual(result?.status, 0, "lesson \(lesson) at a reader's pace:\n\(result?.screen.suffix(3000) ?? "")")
            XCTAssertTrue(result?.screen.contains("as the lessons say, 0 different") == true, "lesson \(lesson)")
            XCTAssertFalse(result?.screen.contains("differs from the lesson") ?? true, "lesson \(lesson)")
        }
    }

    /// One lesson on its own terminal: a pause before each step, Enter to go on.
    private static func readAtPace(lesson: String, pause: TimeInterval) -> (status: Int32?, screen: String)? {
        guard let tour = try? TourTerminal(["--check", "--lesson", lesson]) else { return nil }
        let prompts = [TourTerminalSystemTests.nextStep, TourTerminalSystemTests.morePages, TourTerminalSystemTests.summary]
        while let seen = tour.waitForAny(prompts, timeout: 300), seen != TourTerminalSystemTests.summary {
            tour.pause(pause)
            tour.type("\n")
        }
        return (tour.exitStatus(timeout: 60), tour.screen)
    }
}

/// Results filled in by concurrent workers, each at its own index.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(status: Int32?, screen: String)?]

    init(count: Int) { stored = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: (status: Int32?, screen: String)?) {
        lock.lock()
        stored[index] = value
        lock.unlock()
    }

    var values: [(status: Int32?, screen: String)?] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
