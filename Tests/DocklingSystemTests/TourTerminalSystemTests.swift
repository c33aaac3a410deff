import Foundation
import XCTest

/// The tour as a learner meets it: on a 160×45 terminal, at a reader's pace, quitting
/// with q or Ctrl-C half-way — and leaving nothing behind either way.
final class TourTerminalSystemTests: XCTestCase {
    static let nextStep = "[Enter: next step"
    static let morePages = "[Enter: more"
    static let summary = "tour steps:"

    override func setUpWithError() throws {
        try Tool.requireRoot()
        try Tool.requireProgram("setsid", package: "util-linux")
        try Tool.requireProgram("busybox", package: "busybox-static")
    }

    /// Issue 23: steps that only passed because `--check` does not pause. Each lesson
    /// that keeps containers between steps runs with a reader's pause (40 s unless
    /// DOCKLING_TOUR_PAUSE says otherwise) before every step, the two lessons at once.
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

    /// q right after lesson 3 has mounted a union by hand: the tour unmounts it and
    /// removes its folder and store.
    func testQuittingInLessonThreeLeavesNoMountFolderOrProcess() throws {
        let before = try TourLeftovers.snapshot()
        let tour = try TourTerminal(["--check", "--lesson", "3"])
        XCTAssertTrue(Self.read(tour, until: "dockling-union mount"), tour.screen)
        XCTAssertTrue(tour.waitFor(Self.nextStep, timeout: 120), tour.screen)
        XCTAssertFalse(try Tool.mounts(involving: TourLeftovers.prefix).isEmpty, "the first step mounts a union")
        tour.type("q\n")
        XCTAssertEqual(tour.exitStatus(timeout: 60), 0)
        XCTAssertEqual(try TourLeftovers.snapshot(), before)
    }

    /// Ctrl-C at the pause after lesson 7 has started a detached container: the tour
    /// removes it (and its monitor, cgroups and mounts), then exits 130 as Ctrl-C does.
    func testCtrlCInLessonSevenLeavesNoContainerCgroupFolderOrProcess() throws {
        let before = try TourLeftovers.snapshot()
        let tour = try TourTerminal(["--check", "--lesson", "7"])
        XCTAssertTrue(Self.read(tour, until: "--name ticker"), tour.screen)
        XCTAssertTrue(tour.waitFor(Self.nextStep, timeout: 60), tour.screen)
        XCTAssertFalse(HostLeftovers.monitors(holding: TourLeftovers.prefix).isEmpty, "the ticker runs")
        tour.type("\u{03}")
        XCTAssertEqual(tour.exitStatus(timeout: 60), 128 + SIGINT)
        _ = HostProcesses.waitFor { (try? TourLeftovers.snapshot()) == before }
        XCTAssertEqual(try TourLeftovers.snapshot(), before)
    }

    /// Goes on at every prompt, without a pause, until `text` is on the screen.
    private static func read(_ tour: TourTerminal, until text: String) -> Bool {
        while let seen = tour.waitForAny([text, nextStep, morePages], timeout: 120) {
            if seen == text { return true }
            tour.type("\n")
        }
        return false
    }

    /// One lesson on its own terminal: a pause before each step, Enter to go on.
    private static func readAtPace(lesson: String, pause: TimeInterval) -> (status: Int32?, screen: String)? {
        guard let tour = try? TourTerminal(["--check", "--lesson", lesson]) else { return nil }
        while let seen = tour.waitForAny([nextStep, morePages, summary], timeout: 300), seen != summary {
            tour.pause(pause)
            tour.type("\n")
        }
        return (tour.exitStatus(timeout: 60), tour.screen)
    }
}

/// What a tour can leave on the host: its folders under /tmp, mounts in them, monitors
/// holding files there, and dockling's cgroups.
enum TourLeftovers {
    static let prefix = "/tmp/dockling-tour-"

    static func snapshot() throws -> [String] {
        let folders = try FileManager.default.contentsOfDirectory(atPath: "/tmp")
            .filter { ("/tmp/" + $0).hasPrefix(prefix) }.map { "folder /tmp/" + $0 }
        return try (folders + HostLeftovers.snapshot(root: prefix)).sorted()
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
