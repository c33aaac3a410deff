import DocklingBuild
import DocklingCore
import Foundation
import XCTest

/// A RUN step is a real container of dockling's runtime: these tests run it as root, in a
/// store of their own, and look at what it hands back and what it leaves.
final class BuildContainerTests: XCTestCase {
    private var store: BuildTestStore!

    override func setUpWithError() throws { store = try BuildTestStore() }
    override func tearDown() { store = nil }

    func testARunThatChangesFilesGivesItsUpperDirectoryAsTheChanges() throws {
        let (result, lines) = try store.run("echo made > /made.txt && rm /linuxrc && hostname")
        XCTAssertEqual(result.status, 0, "\(lines)")
        let changes = try XCTUnwrap(result.changes)
        XCTAssertEqual(try String(contentsOfFile: changes + "/made.txt", encoding: .utf8), "made\n")
        // overlayfs spells a deletion as a 0/0 character device: a whiteout for the layer.
        var info = stat()
        XCTAssertEqual(lstat(changes + "/linuxrc", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "linuxrc is a whiteout")
        XCTAssertEqual(info.st_rdev, 0)
        XCTAssertTrue(changes.hasPrefix(store.root.tmp + "/build-changes-"), changes)
        let shortID = try XCTUnwrap(lines.last)
        XCTAssertEqual(result.container, shortID, "the container's short id is its hostname")
        XCTAssertEqual(try store.leftovers(shortID: shortID), ["tmp/" + Path.base(of: changes)],
                       "only the changes, which makeImage consumes")
        try FileManager.default.removeItem(atPath: changes)
    }

    func testAFailingCommandGivesItsStatusAndLeavesNothing() throws {
        let (result, lines) = try store.run("hostname; echo broken >&2; touch /kept; exit 3")
        XCTAssertEqual(result.status, 3)
        XCTAssertNil(result.changes, "a failed step keeps nothing")
        XCTAssertEqual(lines.last, "broken")
        XCTAssertEqual(try store.leftovers(shortID: try XCTUnwrap(lines.first)), [])
    }

    func testAContainerThatCannotStartIsAnErrorAndLeavesNothing() throws {
        XCTAssertThrowsError(try store.run("true") { $0.user = "nosuchuser" }) { error in
            XCTAssertTrue("\(error)".contains("nosuchuser"), "\(error)")
        }
        XCTAssertEqual(try store.leftovers(shortID: nil), [])
    }

    func testOutputLinesArriveInOrderWhateverPiecesTheyComeIn() throws {
        let script = "printf 'first '; sleep 0.2; printf 'line\\nsecond'; sleep 0.2; echo ' line'; "
            + "i=0; while [ $i -lt 300 ]; do echo \"line $i\"; i=$((i+1)); done; printf 'no newline at the end'"
        let (result, lines) = try store.run(script)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(lines, ["first line", "second line"] + (0..<300).map { "line \($0)" } + ["no newline at the end"])
    }

    func testTheBuildersSettingsWinOverTheImagesAndTheOfficialBusyboxUsersExist() throws {
        let (result, lines) = try store.run("echo $GREETING; pwd; id; id -gn nobody") { spec in
            spec.environment = ["GREETING=hello from ARG"]
            spec.workingDirectory = "/var/www"
            spec.user = "www-data"
        }
        XCTAssertEqual(result.status, 0, "\(lines)")
        XCTAssertEqual(lines, ["hello from ARG", "/var/www", "uid=33(www-data) gid=33(www-data) groups=33(www-data)",
                               "nogroup"])
    }

    func testCacheMountsOutliveTheStepAndStayOutOfItsLayerTmpfsAndBindToo() throws {
        let context = store.path + "/context"
        try FileManager.default.createDirectory(atPath: context + "/src", withIntermediateDirectories: true)
        try "from the context\n".write(toFile: context + "/src/input.txt", atomically: true, encoding: .utf8)
        let mounts = ["type=cache,target=/cache", "type=tmpfs,target=/scratch", "type=bind,source=src,target=in"]
        let configure = { (spec: inout BuildContainer.Spec) in
            spec.mounts = mounts
            spec.bindRoots = ["": context]
            spec.workingDirectory = "/work"
        }
        let first = try store.run("echo one >> /cache/runs; echo x > /scratch/x; cat in/input.txt; "
                                  + "touch in/input.txt 2>/dev/null || echo read-only", configure: configure)
        XCTAssertEqual(first.result.status, 0, "\(first.lines)")
        XCTAssertEqual(first.lines, ["from the context", "read-only"])
        let second = try store.run("echo two >> /cache/runs; cat /cache/runs", configure: configure)
        XCTAssertEqual(second.lines, ["one", "two"], "the cache mount is kept between steps")
        let changes = try XCTUnwrap(first.result.changes)
        for path in ["cache/runs", "scratch/x", "work/in/input.txt"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: changes + "/" + path), "\(path) is not in the layer")
        }
        XCTAssertThrowsError(try store.run("true") { $0.mounts = ["type=secret,id=x"] }) { error in
            XCTAssertTrue("\(error)".contains("mount type secret is not supported"), "\(error)")
        }
    }

    func testCtrlCKillsTheStepAndRemovesItsContainer() throws {
        var shortID = ""
        var whileRunning: [String] = []
        XCTAssertThrowsError(try store.run("hostname; sleep 30", onLine: { line in
            shortID = line
            whileRunning = (try? store.leftovers(shortID: line)) ?? []
            pthread_kill(pthread_self(), SIGINT)
        })) { error in
            XCTAssertEqual((error as? BuildInterrupted)?.signal, SIGINT, "\(error)")
        }
        XCTAssertEqual(whileRunning.filter { $0.hasPrefix("container ") }.count, 1, "\(whileRunning)")
        XCTAssertTrue(whileRunning.contains { $0.hasPrefix("cgroup ") }, "the check sees a live cgroup: \(whileRunning)")
        XCTAssertEqual(try store.leftovers(shortID: shortID), [])
    }

    func testMakeImageAndTagGiveAnImageThatImagesAndInspectShow() throws {
        let (result, _) = try store.run("echo built > /built.txt")
        let images = ImageStore(root: store.root)
        var config = store.busybox.config
        var execution = config.config ?? ExecutionConfig()
        execution.healthcheck = ExecutionConfig.Healthcheck(test: ["CMD-SHELL", "test -f /built.txt"],
                                                            interval: 5_000_000_000, retries: 2)
        execution.onBuild = ["RUN echo child"]
        execution.shell = ["/bin/sh", "-ec"]
        config.config = execution
        config.history = (config.history ?? []) + [HistoryEntry(created: Timestamp.now(),
                                                                 createdBy: "RUN /bin/sh -c echo built > /built.txt # buildkit",
                                                                 comment: "buildkit.dockerfile.v0")]
        let image = try images.makeImage(parent: store.busybox, changes: result.changes, config: config)
        XCTAssertFalse(FileManager.default.fileExists(atPath: try XCTUnwrap(result.changes)), "the changes are consumed")
        XCTAssertEqual(image.diffIDs.count, store.busybox.diffIDs.count + 1)
        XCTAssertEqual(try store.dockling(["images", "-q"]).stdout.split(separator: "\n").count, 1,
                       "an untagged build step is not listed")
        try images.tag(image, as: [ImageReference(parsing: "built:v1"), ImageReference(parsing: "built:latest")])

        let listed = try store.dockling(["images", "built"])
        XCTAssertTrue(listed.stdout.contains("v1") && listed.stdout.contains("latest"), listed.stdout + listed.stderr)
        let inspect = try store.dockling(["inspect", "built:v1"])
        XCTAssertEqual(inspect.status, 0, inspect.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [[String: Any]])
        let shown = try XCTUnwrap(json.first?["Config"] as? [String: Any])
        let healthcheck = try XCTUnwrap(shown["Healthcheck"] as? [String: Any])
        XCTAssertEqual(healthcheck["Test"] as? [String], ["CMD-SHELL", "test -f /built.txt"])
        XCTAssertEqual(healthcheck["Interval"] as? Int, 5_000_000_000)
        XCTAssertEqual(healthcheck["Retries"] as? Int, 2)
        XCTAssertNil(healthcheck["Timeout"], "unset durations are left out, as docker does")
        XCTAssertEqual(shown["OnBuild"] as? [String], ["RUN echo child"])
        XCTAssertEqual(shown["Shell"] as? [String], ["/bin/sh", "-ec"])
        let history = try store.dockling(["history", "--no-trunc", "built:latest"])
        XCTAssertTrue(history.stdout.contains("RUN /bin/sh -c echo built > /built.txt # buildkit"), history.stdout)
        XCTAssertEqual(try store.dockling(["run", "--rm", "built", "cat", "/built.txt"]).stdout, "built\n")
    }
}
