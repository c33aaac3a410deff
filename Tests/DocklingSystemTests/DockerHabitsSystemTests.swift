import Foundation
import XCTest

/// What a learner with docker habits types, answered as docker answers it: unknown and
/// not-yet-built commands, `help CMD`, `container …` / `image …` forms, prunes, a start
/// of a running container.
final class DockerHabitsSystemTests: XCTestCase {
    private var store: SystemStore!
    private var cli: DocklingCLI { store.cli }

    override func setUpWithError() throws {
        store = try SystemStore("habits")
    }

    override func tearDownWithError() throws {
        try store?.clean()
    }

    func testUnknownCommandIsRefusedWithDockersWordsAndExitCode() throws {
        let unknown = try cli.run(["foo", "bar"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stdout, "")
        XCTAssertEqual(unknown.stderr, "dockling: unknown command: dockling foo\n\nRun 'dockling --help' for more information\n")
        let inGroup = try cli.run(["container", "foo"])
        XCTAssertEqual(inGroup.status, 1)
        XCTAssertEqual(inGroup.stderr, "dockling: unknown command: dockling container foo\n\nUsage:  dockling container\n\n"
                       + "Run 'dockling container --help' for more information\n")
        let pull = try cli.run(["pull", "ubuntu"])
        XCTAssertEqual(pull.status, 1)
        XCTAssertTrue(pull.stderr.hasPrefix("dockling: 'pull' is not built yet: it is issue 20's concept"), pull.stderr)
        let compose = try cli.run(["compose", "up", "-d"])
        XCTAssertEqual(compose.status, 1)
        XCTAssertTrue(compose.stderr.hasPrefix("dockling: 'compose' is not built yet: it is issue 22's concept"),
                      compose.stderr)
    }

    func testHelpCommandPrintsWhatDashDashHelpPrints() throws {
        // `container rm` is `rm` itself, so its help names it as `dockling rm`.
        let usages = [["ps"]: "ps", ["run"]: "run", ["container", "rm"]: "rm", ["image", "prune"]: "image prune",
                      ["volume", "ls"]: "volume ls", ["inspect"]: "inspect"]
        for (command, usage) in usages {
            let viaHelp = try cli.run(["help"] + command)
            let viaFlag = try cli.run(command + ["--help"])
            XCTAssertEqual(viaHelp.status, 0, viaHelp.stderr)
            XCTAssertEqual(viaFlag.status, 0, viaFlag.stderr)
            XCTAssertEqual(viaHelp.stdout, viaFlag.stdout, "\(command)")
            XCTAssertTrue(viaHelp.stdout.contains("USAGE: dockling \(usage) "), viaHelp.stdout)
        }
        let topic = try cli.run(["help", "pull"])
        XCTAssertEqual(topic.status, 1)
        XCTAssertEqual(topic.stderr, "unknown help topic: pull\n")
    }

    func testContainerRmAndContainerPrune() throws {
        XCTAssertEqual(try cli.run(["run", "--name", "first", "busybox", "true"]).status, 0)
        let removed = try cli.run(["container", "rm", "first"])
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertEqual(removed.stdout, "first\n")
        XCTAssertEqual(try cli.status("first"), "absent")

        let id = try cli.run(["create", "--name", "second", "busybox", "true"]).stdout
        let running = try cli.run(["run", "-d", "--name", "running", "busybox", "sleep", "60"])
        XCTAssertEqual(running.status, 0, running.stderr)
        let pruned = try cli.run(["container", "prune", "-f"])
        XCTAssertEqual(pruned.status, 0, pruned.stderr)
        XCTAssertTrue(pruned.stdout.hasPrefix("Deleted Containers:\n\(id)\nTotal reclaimed space: "), pruned.stdout)
        XCTAssertEqual(try cli.run(["container", "ls", "-a", "-q"]).stdout,
                       String(running.stdout.prefix(12)) + "\n", "the running container stays")
        let declined = try cli.run(["container", "prune"], stdin: "n\n")
        XCTAssertEqual(declined.stdout, "WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ")
    }

    func testImagePruneRemovesDanglingImagesThenUnusedOnesWithAll() throws {
        XCTAssertEqual(try cli.run(["run", "--name", "maker", "busybox", "touch", "/made"]).status, 0)
        let unnamed = try cli.run(["commit", "maker"])
        XCTAssertEqual(unnamed.status, 0, unnamed.stderr)
        let imageID = unnamed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        let dangling = try cli.run(["image", "prune", "-f"])
        XCTAssertEqual(dangling.status, 0, dangling.stderr)
        XCTAssertTrue(dangling.stdout.hasPrefix("Deleted Images:\ndeleted: \(imageID)\n"), dangling.stdout)
        XCTAssertTrue(dangling.stdout.contains("\n\nTotal reclaimed space: "), dangling.stdout)
        XCTAssertEqual(try cli.run(["images", "-q"]).stdout.split(separator: "\n").count, 1, "busybox stays: it has a name")

        let used = try cli.run(["image", "prune", "-a", "-f"])
        XCTAssertEqual(used.stdout, "Total reclaimed space: 0B\n", "busybox stays: the container maker was made from it")
        XCTAssertEqual(try cli.run(["container", "rm", "maker"]).status, 0)
        let all = try cli.run(["image", "prune", "-a", "-f"])
        XCTAssertTrue(all.stdout.hasPrefix("Deleted Images:\nuntagged: busybox:latest\ndeleted: sha256:"), all.stdout)
        XCTAssertEqual(try cli.run(["image", "ls", "-q"]).stdout, "")
    }

    func testImageRmIsRmi() throws {
        XCTAssertEqual(try cli.run(["run", "--rm", "busybox", "true"]).status, 0)
        XCTAssertEqual(try cli.run(["tag", "busybox", "other:1"]).status, 0)
        let removed = try cli.run(["image", "rm", "other:1"])
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertEqual(removed.stdout, "Untagged: other:1\n")
    }

    func testStartOfARunningContainerChangesNothingAndExitsZero() throws {
        let started = try cli.run(["run", "-d", "--name", "busy", "busybox", "sleep", "60"])
        XCTAssertEqual(started.status, 0, started.stderr)
        let pid = try cli.state("busy")["Pid"] as? Int
        let again = try cli.run(["start", "busy"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout, "busy\n")
        XCTAssertEqual(try cli.state("busy")["Pid"] as? Int, pid, "the same process runs on")
    }
}
