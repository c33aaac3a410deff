import Foundation
import XCTest

/// `dockling build`'s doors and flags: standard input (a Dockerfile, or a tar context), `-f`
/// outside the context, several `-t`, `--label`, `-q`, Ctrl-C; and `dockling-build`, the same
/// builder telling each step's key, container, diff, layer and config change.
final class BuildCommandLineSystemTests: XCTestCase {
    private var fixture: BuildFixture!

    override func setUpWithError() throws { fixture = try BuildFixture("build-cli") }
    override func tearDownWithError() throws { try fixture?.clean() }

    func testADockerfileOnStandardInputHasNoContext() throws {
        let built = try fixture.cli.run(["build", "-q", "--network", "none", "-t", "stdin:1", "-"],
                                        stdin: "FROM busybox\nRUN echo from stdin > /file\n")
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(built.stdout.hasPrefix("sha256:") && built.stdout.hasSuffix("\n"), built.stdout)
        XCTAssertEqual(built.stderr, "")
        XCTAssertEqual(try fixture.run("stdin:1", ["cat", "/file"]), "from stdin\n")
        let copy = try fixture.cli.run(["build", "--network", "none", "-"], stdin: "FROM busybox\nCOPY x /\n")
        XCTAssertEqual(copy.status, 1)
        XCTAssertTrue(copy.stderr.contains("\"/x\": not found"), copy.stderr)
    }

    func testATarContextOnStandardInputIsUnpackedAndUsed() throws {
        try fixture.write("Dockerfile", "FROM busybox\nCOPY hello.txt /\n")
        try fixture.write("hello.txt", "from the tar\n")
        let work = try TemporaryRoot("build-cli-tar")
        let archive = work.path + "/context.tar"
        let tar = try Tool.exec("/usr/bin/env", ["tar", "-cf", archive, "-C", fixture.context.path, "."])
        XCTAssertEqual(tar.status, 0, tar.stderr)
        // A tar is bytes, not text: the shell hands the file to standard input.
        let built = try Tool.exec("/bin/sh", ["-c", "\(Tool.path("dockling")) build -q --network none -t tar:1 - < \(archive)"],
                                  environment: fixture.cli.root.environment)
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertEqual(try fixture.run("tar:1", ["cat", "/hello.txt"]), "from the tar\n")
        let scratch = (try? FileManager.default.contentsOfDirectory(atPath: fixture.cli.root.path + "/tmp")) ?? []
        XCTAssertEqual(scratch, [], "standard input's copy is removed")
    }

    func testFileTagsLabelsAndTheImageID() throws {
        let elsewhere = try TemporaryRoot("build-cli-dockerfile")
        try Data("FROM busybox\nLABEL from=dockerfile\nCMD [\"echo\", \"built\"]\n".utf8)
            .write(to: URL(fileURLWithPath: elsewhere.path + "/Custom.dockerfile"))
        let built = try fixture.buildID(["-f", elsewhere.path + "/Custom.dockerfile", "-t", "one:1", "-t", "two:2",
                                         "--label", "extra=yes", "--label", "from=flag"])
        XCTAssertTrue(built.progress.contains("load build definition from Custom.dockerfile"), built.progress)
        XCTAssertEqual(try fixture.run("one:1"), "built\n")
        XCTAssertEqual(try fixture.cli.succeed(["inspect", "--format", "{{.Id}}", "two:2"]), built.id + "\n")
        let labels = try XCTUnwrap(fixture.config("one:1")["Labels"] as? [String: String])
        XCTAssertEqual(labels, ["extra": "yes", "from": "flag"])
        let history = try fixture.history("one:1").joined(separator: "\n")
        XCTAssertTrue(history.contains("LABEL from=dockerfile"), history)
        XCTAssertFalse(history.contains("extra=yes"), "--label adds no history entry: \(history)")
    }

    /// On a terminal `auto` is BuildKit's live view: the list redrawn in place (cursor up,
    /// clear), `FINISHED` at the end; `--progress plain` stays plain there.
    func testOnATerminalTheStepsAreALiveList() throws {
        try Tool.requireProgram("script", package: "bsdutils")
        try fixture.dockerfile("FROM busybox\nRUN echo live\n")
        func onTerminal(_ flags: String) throws -> String {
            let line = "\(Tool.path("dockling")) build --network none \(flags) \(fixture.context.path)"
            let result = try Tool.exec("/usr/bin/script", ["-qec", line, "/dev/null"], environment: fixture.cli.root.environment)
            XCTAssertEqual(result.status, 0, result.stdout)
            return result.stdout
        }
        let first = try onTerminal("")
        XCTAssertTrue(first.contains("[+] Building "), first)
        XCTAssertTrue(first.contains("\u{1B}[J"), "redrawn in place: \(first)")
        XCTAssertTrue(first.contains(" => => cache miss: RUN echo live — first build of this step"), first)
        let again = try onTerminal("--progress tty")
        XCTAssertTrue(again.contains(") FINISHED"), again)
        XCTAssertTrue(again.contains(" => CACHED [2/2] RUN echo live"), again)
        let plain = try onTerminal("--progress plain")
        XCTAssertTrue(plain.contains("#5 CACHED"), plain)
        XCTAssertFalse(plain.contains("\u{1B}["), plain)
    }

    /// Ctrl-C during a RUN: exit 130, and no image, tag, container, mount or cgroup stays.
    func testCtrlCDuringARunLeavesNothingBehind() throws {
        try fixture.dockerfile("FROM busybox\nRUN sleep 4321\n")
        try fixture.cli.succeed(["inspect", "busybox"])
        let before = try fixture.cli.succeed(["images", "-q"])
        let host = try fixture.hostSnapshot()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Tool.path("dockling"))
        process.arguments = ["build", "--network", "none", "-t", "interrupted:1", fixture.context.path]
        process.environment = Tool.childEnvironment(fixture.cli.root.environment)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let started = (0..<400).contains { _ in
            if !HostProcesses.sleepers("4321").isEmpty { return true }
            usleep(50_000)
            return false
        }
        XCTAssertTrue(started, "the RUN step never started")
        kill(process.processIdentifier, SIGINT)
        let ended = (0..<400).contains { _ in
            if !process.isRunning { return true }
            usleep(50_000)
            return false
        }
        if !ended { kill(process.processIdentifier, SIGKILL) }
        XCTAssertTrue(ended, "dockling build did not end after Ctrl-C")
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertTrue(HostProcesses.sleepers("4321").isEmpty)
        XCTAssertEqual(try fixture.cli.succeed(["images", "-q"]), before)
        XCTAssertEqual(try fixture.cli.succeed(["ps", "-a", "-q"]), "")
        try fixture.assertHostUnchanged(since: host)
        let scratch = (try? FileManager.default.contentsOfDirectory(atPath: fixture.cli.root.path + "/tmp")) ?? []
        XCTAssertEqual(scratch, [], "left in tmp/")
    }

    func testDocklingBuildShowsEachStepAsRunAndCommit() throws {
        try fixture.dockerfile("FROM busybox\nENV GREETING=hi\nRUN echo $GREETING $UNSET > /greeting && rm /etc/group && hostname\n")
        let result = try Tool.run("dockling-build", ["--network", "none", "-t", "steps:1", fixture.context.path],
                                  environment: fixture.cli.root.environment, timeout: 180)
        XCTAssertEqual(result.status, 0, result.stderr)
        let out = result.stdout
        // The step's name substitutes what is set, as BuildKit's does; the history keeps the text.
        for expected in ["[2/2] RUN echo hi $UNSET > /greeting && rm /etc/group && hostname",
                         "cache     miss — first build of this step",
                         "instruction RUN /bin/sh -c echo $GREETING $UNSET > /greeting && rm /etc/group && hostname # buildkit",
                         "setting network=none",
                         "ran [\"/bin/sh\" \"-c\" \"echo $GREETING $UNSET > /greeting && rm /etc/group && hostname\"]",
                         "diff      A /greeting", "diff      D /etc/group", "diff      C /etc",
                         "config    Env: + GREETING=hi",
                         "layer     none: this step changes only the config", "built sha256:"] {
            XCTAssertTrue(out.contains(expected), "missing '\(expected)' in:\n\(out)")
        }
        // The container line names the container that ran: its hostname is its short id.
        let lines = out.split(separator: "\n").map(String.init)
        let hostname = try XCTUnwrap(lines.first { $0.hasPrefix("   │ ") }).dropFirst(5)
        XCTAssertEqual(hostname.count, 12, out)
        XCTAssertTrue(hostname.allSatisfy(\.isHexDigit), out)
        XCTAssertTrue(out.contains("   container \(hostname) of dockling's runtime, on the parent image, ran [\"/bin/sh\""), out)
        let again = try Tool.run("dockling-build", ["--network", "none", fixture.context.path],
                                 environment: fixture.cli.root.environment, timeout: 180)
        XCTAssertTrue(again.stdout.contains("cache     hit: the image this key made before"), again.stdout)
        XCTAssertFalse(again.stdout.contains("cache     miss"), again.stdout)
    }
}
