import Foundation
import XCTest

/// A build runs while other commands clean up the store, or is ended by Ctrl-C: a prune
/// never takes what the build made or stands on (its lease), and Ctrl-C at any moment
/// leaves nothing behind — no scratch, no lease, no container, mount or cgroup.
final class BuildPruneRaceSystemTests: XCTestCase {
    private var fixture: BuildFixture!
    /// Logs, tar files: outside the context and the store.
    private var files: TemporaryRoot!

    override func setUpWithError() throws {
        fixture = try BuildFixture("build-race")
        files = try TemporaryRoot("build-race-files")
    }

    override func tearDownWithError() throws { try fixture?.clean() }

    /// `dockling build` started in the background; its progress goes to `log`.
    private func startBuild(_ arguments: [String], stdin: String? = nil, log: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Tool.path("dockling"))
        process.arguments = ["build", "--network", "none", "--progress", "plain"] + arguments
        process.environment = Tool.childEnvironment(fixture.cli.root.environment)
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: log)
        process.standardInput = stdin.flatMap { FileHandle(forReadingAtPath: $0) } ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits up to `seconds` for `condition`, polling.
    private func eventually(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        (0..<Int(seconds * 20)).contains { _ in
            if condition() { return true }
            usleep(50_000)
            return false
        }
    }

    /// Waits for the build to end (a hang is killed and fails the test).
    private func finish(_ process: Process, within seconds: Double) {
        if !eventually(seconds, { !process.isRunning }) {
            kill(process.processIdentifier, SIGKILL)
            XCTFail("dockling build did not end within \(seconds) s")
        }
        process.waitUntilExit()
    }

    private func entries(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: fixture.cli.root.path + "/" + folder)) ?? []
    }

    /// The review's reproduction: every prune while the second RUN sleeps. Without a lease
    /// the first RUN's image (named by nothing but a cache record that `builder prune`
    /// removes) lost its blobs, and the build tagged an image `save` could not read.
    func testPrunesDuringABuildLeaveItWhatItUses() throws {
        try fixture.dockerfile("FROM busybox\nRUN echo one > /one\nRUN sleep 3.917\nCMD [\"cat\",\"/one\"]\n")
        let log = files.path + "/build.log"
        let build = try startBuild(["--no-cache", "-t", "racy:1", fixture.context.path], log: log)
        XCTAssertTrue(eventually(60) { !HostProcesses.sleepers("3.917").isEmpty }, "the second RUN never started")
        try fixture.cli.succeed(["builder", "prune", "-f"])
        try fixture.cli.succeed(["system", "prune", "-f"])
        try fixture.cli.succeed(["image", "prune", "-a", "-f"])
        XCTAssertTrue(entries("cache/build").contains { $0.hasPrefix("lease-\(build.processIdentifier)-") },
                      "the running build's lease stays: \(entries("cache/build"))")
        finish(build, within: 120)
        let progress = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        XCTAssertEqual(build.terminationStatus, 0, progress)

        let saved = files.path + "/racy.tar"
        try fixture.cli.succeed(["save", "-o", saved, "racy:1"])
        XCTAssertEqual(try fixture.run("racy:1"), "one\n")
        XCTAssertFalse(entries("cache/build").contains { $0.hasPrefix("lease-") }, "the lease ends with the build")
    }

    /// Ctrl-C (and once SIGTERM) at moments spread over a build from a tar on standard
    /// input with a COPY and a RUN that writes 80 MB: reading the context, copying, the RUN,
    /// its layer being made, between steps. Each time the build ends 130 (143) — or, for a
    /// signal before it began, by the signal itself — and tmp/ is empty (no scratch, no copy
    /// of standard input), no lease, container, mount or cgroup stays, nothing is tagged.
    func testCtrlCAtAnyMomentLeavesNothingBehind() throws {
        for index in 0..<12 {
            try fixture.write("big/part\(index)", String(repeating: "\(index % 10)", count: 3 << 20))
        }
        try fixture.dockerfile("FROM busybox\nCOPY big /big\nRUN head -c 80000000 /dev/zero > /zero\nRUN sleep 2\n")
        let tar = files.path + "/context.tar"
        try Tool.exec("/bin/tar", ["-C", fixture.context.path, "-cf", tar, "."])
        try fixture.cli.succeed(["inspect", "busybox"])
        let host = try fixture.hostSnapshot()
        var endedByTheBuild = 0
        let moments = (0..<12).map { (100 + $0 * 150, $0 == 6 ? SIGTERM : SIGINT) }
        for (delay, signal) in moments {
            let log = files.path + "/interrupted.log"
            let build = try startBuild(["--no-cache", "-t", "interrupted:1", "-"], stdin: tar, log: log)
            usleep(useconds_t(delay * 1000))
            kill(build.processIdentifier, signal)
            finish(build, within: 90)
            let progress = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if build.terminationReason == .exit {
                XCTAssertEqual(build.terminationStatus, 128 + signal, "after \(delay) ms:\n\(progress)")
                endedByTheBuild += 1
            } else {
                XCTAssertEqual(build.terminationStatus, signal, "after \(delay) ms")
            }
            XCTAssertEqual(entries("tmp"), [], "left in tmp/, a signal after \(delay) ms:\n\(progress)")
            XCTAssertFalse(entries("cache/build").contains { $0.hasPrefix("lease-") }, "a lease left, a signal after \(delay) ms")
            XCTAssertEqual(try fixture.cli.succeed(["ps", "-a", "-q"]), "")
            XCTAssertFalse(try fixture.cli.succeed(["images"]).contains("interrupted"), "tagged though interrupted")
        }
        XCTAssertGreaterThanOrEqual(endedByTheBuild, moments.count - 2, "the build holds the signals back from its start")
        try fixture.assertHostUnchanged(since: host)
    }

    /// dockling's `builder prune` always removes all of the build cache: its prompt says so.
    func testThePruneWarningSaysItRemovesAllBuildCache() throws {
        let answer = try fixture.cli.run(["builder", "prune"], stdin: "n\n")
        XCTAssertEqual(answer.status, 0, answer.stderr)
        XCTAssertTrue(answer.stdout.hasPrefix("WARNING! This will remove all build cache.\n"), answer.stdout)
        XCTAssertFalse(answer.stdout.contains("dangling"), answer.stdout)
    }
}
