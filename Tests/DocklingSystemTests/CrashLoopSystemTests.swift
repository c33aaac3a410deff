import Foundation
import XCTest

/// `load`, `commit` and `run` killed with SIGKILL at random moments, fifty times in all:
/// after every kill, each image and container the store lists works when used, and
/// `dockling system prune` brings the store and the host back to where they were.
///
/// A kill lands anywhere from before the command has read its arguments to after it has
/// finished: each delay is drawn between zero and a little more than an uninterrupted
/// run of the same command took. Every failure names its trial and delay.
final class CrashLoopSystemTests: XCTestCase {
    private var store: SystemStore!
    private var root: TemporaryRoot { store.root }
    private var cli: DocklingCLI { store.cli }
    private var check: StoreCheck!

    override func setUpWithError() throws {
        store = try SystemStore("crash")
        check = StoreCheck(cli: cli)
    }

    override func tearDownWithError() throws {
        try store?.clean()
    }

    func testLoadKilledAtRandomMomentsLeavesOnlyUsableImagesAndNothingPruneCannotRemove() throws {
        let work = try TemporaryRoot("crash-work")
        // An image with many files and a big one, so that a kill can land mid-layer.
        try make("seed", fill: true, detached: false)
        XCTAssertEqual(try cli.run(["commit", "seed", "big:1"]).status, 0)
        XCTAssertEqual(try cli.run(["save", "-o", work.path + "/big.tar", "big:1"]).status, 0)
        XCTAssertEqual(try cli.run(["rm", "seed"]).status, 0)
        let load = ["load", "-i", work.path + "/big.tar"]
        let duration = try timed(load)
        XCTAssertEqual(try cli.run(["rmi", "big:1"]).status, 0)
        XCTAssertEqual(try cli.run(["system", "prune", "-f"]).status, 0)

        let before = try check.snapshot()
        for trial in 0..<17 {
            let context = try killed(load, trial: trial, within: duration)
            try check.assertEveryImageIsUsable(context)
            if try cli.run(["images", "big"]).stdout.contains(" 1 ") {
                XCTAssertEqual(try cli.run(["rmi", "big:1"]).status, 0, context)
            }
            try check.assertPruneRestores(before, context)
        }
    }

    func testCommitOfARunningContainerKilledAtRandomMomentsLeavesItRunningAndTheImagesUsable() throws {
        try make("source", fill: true, detached: true)
        let duration = try timed(["commit", "source", "measure:1"])
        XCTAssertEqual(try cli.run(["rmi", "measure:1"]).status, 0)

        let before = try check.snapshot()
        for trial in 0..<16 {
            let context = try killed(["commit", "source", "crash:\(trial)"], trial: trial, within: duration)
            try check.assertEveryImageIsUsable(context)
            XCTAssertEqual(try check.assertEveryContainerIsUsable(context).count, 1, context)
            // A commit killed while the container was paused must not leave it frozen.
            let exec = try cli.run(["exec", "source", "true"], timeout: 20)
            XCTAssertEqual(exec.status, 0, "\(context): exec: \(exec.stderr)")
            if try cli.run(["images", "crash"]).stdout.contains(" \(trial) ") {
                XCTAssertEqual(try cli.run(["rmi", "crash:\(trial)"]).status, 0, context)
            }
            try check.assertPruneRestores(before, context)
        }
        XCTAssertEqual(try cli.run(["rm", "-f", "source"]).status, 0)
    }

    /// Half the trials also kill the container's monitor (dockling-init), as a kill of
    /// every dockling process would: the container dies with it, and its cgroup stays.
    func testRunKilledAtRandomMomentsLeavesContainersThatStartAndRemove() throws {
        XCTAssertEqual(try cli.run(["run", "--rm", "busybox", "true"]).status, 0, "the first run makes busybox")
        let command = ["busybox", "sh", "-c", "echo hello > /greeting && sleep 0.2"]
        let duration = try timed(["run", "--rm"] + command)
        let before = try check.snapshot()
        for trial in 0..<17 {
            let context = try killed(["run", "--name", "crash-\(trial)"] + command, trial: trial, within: duration)
            if trial % 2 == 1 {
                for monitor in try HostLeftovers.snapshot(root: root.path) where monitor.hasPrefix("process ") {
                    kill(pid_t(monitor.split(separator: " ")[1])!, SIGKILL)
                }
            }
            for id in try check.assertEveryContainerIsUsable(context) {
                let removed = try cli.run(["rm", "-f", id])
                XCTAssertEqual(removed.status, 0, "\(context): rm -f: \(removed.stderr)")
            }
            try check.assertPruneRestores(before, context)
        }
    }

    /// A container from busybox; with `fill`, it first writes 2000 files and 20 MB.
    private func make(_ name: String, fill: Bool, detached: Bool) throws {
        let files = "mkdir /many && cd /many && seq 1 2000 | xargs touch && head -c 20000000 /dev/urandom > /big"
        let script = (fill ? files + " && " : "") + (detached ? "touch /ready && exec sleep 100000" : "true")
        let made = try cli.run(["run"] + (detached ? ["-d"] : []) + ["--name", name, "busybox", "sh", "-c", script])
        XCTAssertEqual(made.status, 0, made.stderr)
        if detached {
            XCTAssertTrue(HostProcesses.waitFor { (try? cli.run(["exec", name, "test", "-f", "/ready"]).status) == 0 })
        }
    }

    /// How long an uninterrupted `command` takes, in seconds.
    private func timed(_ command: [String]) throws -> TimeInterval {
        let start = Date()
        let result = try cli.run(command)
        XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
        return Date().timeIntervalSince(start)
    }

    /// Runs `command` and kills it at a random moment up to a little past `duration`;
    /// returns the words that name this trial in a failure.
    private func killed(_ command: [String], trial: Int, within duration: TimeInterval) throws -> String {
        let delay = Double.random(in: 0...(duration * 1.2))
        try Tool.runKilled("dockling", command, environment: root.environment, after: delay)
        return "trial \(trial), \(command.first!) killed after \(String(format: "%.3f", delay)) s"
    }
}
