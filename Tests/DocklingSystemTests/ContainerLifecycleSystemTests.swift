import Foundation
import XCTest

/// docker's examples, run through dockling: run, ps, stop, start -a, logs, kill, prune.
final class ContainerLifecycleSystemTests: XCTestCase {
    private var store: SystemStore!
    private var root: TemporaryRoot { store.root }
    private var cli: DocklingCLI { store.cli }

    override func setUpWithError() throws {
        store = try SystemStore("life")
    }

    override func tearDownWithError() throws {
        try store?.clean()
    }

    private func expectStatus(_ name: String, _ prefix: String, _ why: String = "",
                              line: UInt = #line) throws {
        let status = try cli.status(name)
        XCTAssertTrue(status.hasPrefix(prefix), "\(name) is \(status), not \(prefix)… \(why)", line: line)
    }

    private func waitUntil(_ condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        return false
    }

    func testRunWaitsPrintsAndIsRemovedWithRm() throws {
        let result = try cli.run(["run", "busybox", "sh", "-c", "sleep 1; echo all done"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "all done\n")
        let quick = try cli.run(["run", "--rm", "--name", "gone", "busybox", "sleep", "1"])
        XCTAssertEqual(quick.status, 0, quick.stderr)
        XCTAssertEqual(try cli.status("gone"), "absent")
        XCTAssertTrue(try cli.run(["ps", "-a"]).stdout.contains("Exited (0)"))
    }

    func testDetachPsStopStartAttachLogsKill() throws {
        let id = try cli.run(["run", "-d", "--name", "web", "busybox", "sh", "-c",
                              "echo started; trap 'echo stopping; exit 0' TERM; while true; do sleep 0.1; done"])
        XCTAssertEqual(id.status, 0, id.stderr)
        XCTAssertEqual(id.stdout.trimmingCharacters(in: .whitespacesAndNewlines).count, 64)
        try expectStatus("web", "Up ")
        XCTAssertEqual(try cli.run(["ps"]).stdout.split(separator: "\n").count, 2)
        XCTAssertEqual(try cli.run(["stop", "web"]).stdout, "web\n")
        try expectStatus("web", "Exited (0)")
        XCTAssertEqual(try cli.run(["ps"]).stdout.split(separator: "\n").count, 1, "a stopped container is not in ps")
        XCTAssertEqual(try cli.run(["logs", "web"]).stdout, "started\nstopping\n")

        XCTAssertEqual(try cli.run(["start", "web"]).stdout, "web\n")
        try expectStatus("web", "Up ", "start runs a stopped container again")
        XCTAssertEqual(try cli.run(["create", "--name", "once", "busybox", "echo", "from start"]).status, 0)
        XCTAssertEqual(try cli.status("once"), "Created")
        let attachedStart = try cli.run(["start", "-a", "once"])
        XCTAssertEqual(attachedStart.stdout, "from start\n")
        XCTAssertEqual(attachedStart.status, 0)
        XCTAssertEqual(try cli.run(["run", "-d", "--name", "victim", "busybox", "sleep", "100"]).status, 0)
        XCTAssertEqual(try cli.run(["kill", "victim"]).stdout, "victim\n")
        try expectStatus("victim", "Exited (137)")
        try cli.run(["kill", "web"])

        let prune = try cli.run(["system", "prune", "-f"])
        XCTAssertTrue(prune.stdout.contains("Deleted Containers:"), prune.stdout)
        XCTAssertEqual(try cli.run(["ps", "-a", "-q"]).stdout, "")
    }

    func testStopUsesSIGKILLAfterTheGraceTimeAndHandlersKeepTheirCode() throws {
        try cli.run(["run", "-d", "--name", "stubborn", "busybox", "sh", "-c", "trap '' TERM; while true; do sleep 0.1; done"])
        let started = Date()
        try cli.run(["stop", "-t", "1", "stubborn"])
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 1)
        try expectStatus("stubborn", "Exited (137)")
        try cli.run(["run", "-d", "--name", "polite", "busybox", "sh", "-c", "trap 'exit 42' TERM; while true; do sleep 0.1; done"])
        try cli.run(["stop", "polite"])
        try expectStatus("polite", "Exited (42)")
    }

    func testAFileAddedInOneContainerIsNotInAnother() throws {
        try cli.run(["run", "--name", "writer", "busybox", "sh", "-c", "echo mine > /only-here"])
        let other = try cli.run(["run", "--rm", "busybox", "sh", "-c", "ls /only-here"])
        XCTAssertNotEqual(other.status, 0)
        XCTAssertTrue(other.stderr.contains("No such file"), other.stderr)
        XCTAssertEqual(try cli.run(["start", "-a", "writer"]).status, 0, "the writer keeps its upper layer")
    }

    func testOOMKillIsReportedByInspect() throws {
        let arguments = ["run", "--name", "hog", "--memory", "32m", "busybox", "sh", "-c", "x=$(head -c 100000000 /dev/zero | tr '\\0' a)"]
        guard try cli.kernelEnforces("--memory", refusing: arguments, in: self) else { return }
        let result = try cli.run(arguments)
        XCTAssertEqual(result.status, 137)
        let state = try cli.state("hog")
        XCTAssertEqual(state["OOMKilled"] as? Bool, true)
        XCTAssertEqual(state["ExitCode"] as? Int, 137)
        XCTAssertEqual(state["Status"] as? String, "exited")
    }

    func testNamedVolumesOutliveTheirContainers() throws {
        try cli.run(["run", "--name", "first", "-v", "notes:/data", "busybox", "sh", "-c", "echo remembered > /data/n"])
        XCTAssertEqual(try cli.run(["rm", "-v", "first"]).status, 0)
        let second = try cli.run(["run", "--rm", "-v", "notes:/data", "busybox", "cat", "/data/n"])
        XCTAssertEqual(second.stdout, "remembered\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.path + "/volumes/notes/_data/n"))
    }

    /// A mount point the image lacks is made folder by folder, split at every '/' the
    /// kernel sees — also one that a combining mark (U+0301) joins into one Swift Character.
    func testAMissingMountPointIsMadeFolderByFolder() throws {
        let result = try cli.run(["run", "--rm", "--tmpfs", "/new/\u{301}t", "busybox", "cat", "/proc/mounts"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(" /new/\u{301}t tmpfs "), result.stdout)
    }

    func testExitCodesFollowDocker() throws {
        XCTAssertEqual(try cli.run(["run", "--rm", "no-such-image", "true"]).status, 125)
        XCTAssertEqual(try cli.run(["run", "--bogus", "busybox", "true"]).status, 125)
        XCTAssertEqual(try cli.run(["run", "--rm", "--memory", "12q", "busybox", "true"]).status, 125)
        XCTAssertEqual(try cli.run(["run", "--rm", "busybox", "/etc/passwd"]).status, 126)
        XCTAssertEqual(try cli.run(["run", "--rm", "busybox", "no-such-command"]).status, 127)
        XCTAssertEqual(try cli.run(["run", "--rm", "busybox", "sh", "-c", "exit 9"]).status, 9)
        XCTAssertEqual(try cli.run(["ps", "-a", "-q"]).stdout, "", "no failed run leaves a container behind with --rm")
    }

    func testPruneInAnotherStoreLeavesThisStoresContainersAlone() throws {
        try cli.run(["run", "-d", "--name", "neighbour", "busybox", "sleep", "60"])
        let other = DocklingCLI(root: try TemporaryRoot("other-store"))
        XCTAssertEqual(try other.run(["system", "prune", "-f"]).status, 0)
        try expectStatus("neighbour", "Up ", "a prune of another store killed it")
        try cli.run(["kill", "neighbour"])
    }

    func testTheContainersCgroupsAreRecordedAndRemovedWithIt() throws {
        let id = try cli.run(["run", "-d", "--name", "recorded", "busybox", "sleep", "60"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let directories = try cli.cgroupDirectories(of: id)
        XCTAssertFalse(directories.isEmpty)
        for dir in directories {
            XCTAssertTrue(dir.hasSuffix("/dockling-" + id), dir)
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/cgroup.procs"), dir)
        }
        // The monitor dies without cleaning up; rm must find the cgroups from the record.
        kill(try cli.monitor(of: id), SIGKILL)
        XCTAssertTrue(try waitUntil { try self.cli.status("recorded").hasPrefix("Exited") })
        XCTAssertEqual(try cli.run(["rm", "-f", id]).status, 0)
        for dir in directories { XCTAssertFalse(FileManager.default.fileExists(atPath: dir), "\(dir) outlived rm") }
    }

    func testADetachedContainerOutlivesItsDocklingAndItsEndIsRecorded() throws {
        // The container ends when the test says so (a file in a bind mount), not after a
        // time that a slow machine could spend before the first check.
        let signal = try TemporaryRoot("orphan-signal")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Tool.path("dockling"))
        process.arguments = ["run", "--name", "orphan", "-v", signal.path + ":/signal", "busybox", "sh", "-c",
                             "while [ ! -e /signal/end ]; do sleep 0.1; done; exit 4"]
        process.environment = Tool.childEnvironment(root.environment)
        try process.run()
        XCTAssertTrue(try waitUntil { try self.cli.status("orphan").hasPrefix("Up ") }, "the container never started")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try expectStatus("orphan", "Up ", "the container died with its dockling")
        XCTAssertTrue(FileManager.default.createFile(atPath: signal.path + "/end", contents: nil))
        XCTAssertTrue(try waitUntil { try self.cli.status("orphan").hasPrefix("Exited") })
        try expectStatus("orphan", "Exited (4)")
    }
}
