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
