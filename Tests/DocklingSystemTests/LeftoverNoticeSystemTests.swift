import Foundation
import XCTest

/// What a kill -9 leaves behind is named by the next ordinary command, on one line of
/// standard error, until `dockling system prune` removes it — and the work of a process
/// that is still running is never taken for a leftover.
final class LeftoverNoticeSystemTests: XCTestCase {
    private var store: SystemStore!
    private var root: TemporaryRoot { store.root }
    private var cli: DocklingCLI { store.cli }

    override func setUpWithError() throws {
        store = try SystemStore("leftovers", requiring: [("flock", "util-linux")])
    }

    override func tearDownWithError() throws {
        try store?.clean()
    }

    private func notice(_ summary: String) -> String {
        "dockling: found leftovers of interrupted commands (\(summary)); run 'dockling system prune' to remove them\n"
    }

    private func tmp() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path + "/tmp")) ?? []).sorted()
    }

    func testAKilledLoadAndAKilledMonitorAreNamedUntilPruneRemovesThem() throws {
        let id = try cli.run(["run", "-d", "--name", "crashed", "busybox", "sleep", "1000"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let work = try TemporaryRoot("leftovers-work")
        XCTAssertEqual(try cli.run(["save", "-o", work.path + "/busybox.tar", "busybox"]).status, 0)

        // A load that has read half the archive and waits for the rest: work in progress.
        let (feeder, load) = try startLoad(halfOf: work.path + "/busybox.tar", in: work)
        XCTAssertTrue(HostProcesses.waitFor { self.tmp().contains { $0.hasPrefix("images-") } }, "the load staged nothing")
        let whileLoading = try cli.run(["ps", "-a"])
        XCTAssertEqual(whileLoading.stderr, "", "a load in progress was taken for a leftover")
        for process in [load, feeder] {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let staged = tmp().filter { $0.hasPrefix("images-") }.count
        XCTAssertGreaterThan(staged, 0)

        // The monitor dies without recording the end or removing the cgroups.
        let cgroups = try cli.cgroupDirectories(of: id)
        kill(try cli.monitor(of: id), SIGKILL)
        XCTAssertTrue(HostProcesses.waitFor { (try? self.cli.status("crashed").hasPrefix("Exited (255)")) == true })

        let scratch = "\(staged) scratch file\(staged == 1 ? "" : "s")"
        let ps = try cli.run(["ps", "-a"])
        XCTAssertEqual(ps.status, 0, ps.stderr)
        XCTAssertEqual(ps.stderr, notice(scratch + ", cgroups of 1 crashed container"))
        XCTAssertEqual(ps.stdout.split(separator: "\n").count, 2, ps.stdout)
        XCTAssertTrue(ps.stdout.contains("Exited (255)"), ps.stdout)
        // images does not read the containers' states, so it names only what it sees anyway.
        XCTAssertEqual(try cli.run(["images"]).stderr, notice(scratch))
        for dir in cgroups { XCTAssertTrue(FileManager.default.fileExists(atPath: dir), "\(dir) went before prune") }

        let prune = try cli.run(["system", "prune", "-f"])
        XCTAssertEqual(prune.status, 0, prune.stderr)
        XCTAssertEqual(prune.stderr, "")
        let after = try cli.run(["ps", "-a"])
        XCTAssertEqual(after.stderr, "", "still named after prune")
        XCTAssertEqual(after.stdout.split(separator: "\n").count, 1, after.stdout)
        XCTAssertEqual(tmp(), [])
        for dir in cgroups { XCTAssertFalse(FileManager.default.fileExists(atPath: dir), "\(dir) outlived prune") }
    }

    func testWorkOfLiveProcessesIsNotNamedUntilTheyAreGone() throws {
        XCTAssertEqual(try cli.run(["images"]).status, 0)
        let id = String(repeating: "c0", count: 32)
        // A detached dockling-stdio's log is its output, not a leftover, though its maker is gone.
        let stdio = try Tool.run("dockling-stdio", ["-d", "--", "true"], environment: root.environment)
        XCTAssertEqual(stdio.status, 0, stdio.stderr)
        // A busybox rootfs being built by a live process; a removal a live process is finishing.
        let builder = try start("/bin/sleep", ["1000"])
        try make("tmp/rootfs-busybox-\(builder.processIdentifier)")
        try make("containers/.gone-\(builder.processIdentifier)-\(id)")
        // A create in progress: it holds the containers' lock while its folder is `.new-`.
        // The shell locks its own descriptor and becomes the sleep that keeps it.
        let marker = "\(getpid()).4242"
        let creator = try start("/bin/sh", ["-c", "exec 9>\"$0\" && flock 9 && exec sleep \"$1\"",
                                            root.path + "/containers/.lock", marker])
        XCTAssertTrue(HostProcesses.waitFor { HostProcesses.sleepers(marker).contains(creator.processIdentifier) },
                      "the containers' lock was never taken")
        try make("containers/.new-\(id)")

        XCTAssertEqual(try cli.run(["ps", "-a"]).stderr, "", "work in progress was taken for a leftover")
        XCTAssertEqual(try cli.run(["images"]).stderr, "", "work in progress was taken for a leftover")

        for process in [builder, creator] {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        XCTAssertEqual(try cli.run(["ps", "-a"]).stderr, notice("1 scratch file, 2 unfinished container folders"))
        XCTAssertEqual(try cli.run(["system", "prune", "-f"]).status, 0)
        XCTAssertEqual(try cli.run(["ps", "-a"]).stderr, "")
        XCTAssertEqual(tmp(), [])
    }

    /// `dockling load` fed the first half of `archive` by a feeder that then sleeps with
    /// the pipe open, so that the load waits for the rest holding the store's lock.
    private func startLoad(halfOf archive: String, in work: TemporaryRoot) throws -> (feeder: Process, load: Process) {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: archive))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: work.path + "/half.tar"))
        let pipe = Pipe()
        let feeder = try start("/bin/sh", ["-c", "cat \"$0\" && exec sleep 1000", work.path + "/half.tar"], stdout: pipe)
        return (feeder, try start(Tool.path("dockling"), ["load"], stdin: pipe))
    }

    private func start(_ executable: String, _ arguments: [String], stdin: Pipe? = nil,
                       stdout: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = Tool.childEnvironment(root.environment)
        process.standardInput = stdin ?? FileHandle.nullDevice
        process.standardOutput = stdout ?? FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A test that fails or throws early must not leave it running (nor holding the
        // store's lock when tearDown prunes): teardown blocks run before tearDown.
        addTeardownBlock {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        return process
    }

    private func make(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: root.path + "/" + relative, withIntermediateDirectories: true)
    }
}
