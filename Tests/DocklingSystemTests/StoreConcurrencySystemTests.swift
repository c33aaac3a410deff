import Foundation
import XCTest

/// Runs, commits, loads, tags, removals and image removals, all at once on one store:
/// each succeeds, index.json stays whole, no tag is lost, every container inspects, and
/// a prune afterwards brings the store and the host back to where they were.
final class StoreConcurrencySystemTests: XCTestCase {
    func testManyCommandsAtOnceNeverCorruptTheStoreOrLoseATag() throws {
        try Tool.requireRoot()
        try Tool.requireProgram("busybox", package: "busybox-static")
        let root = try TemporaryRoot("at-once")
        let work = try TemporaryRoot("at-once-work")
        let cli = DocklingCLI(root: root)
        let check = StoreCheck(cli: cli)
        XCTAssertEqual(try cli.run(["run", "--rm", "busybox", "true"]).status, 0, "the first run makes busybox")
        let before = try check.snapshot()
        // What the commands work on: containers to commit and to remove, tags to remove,
        // and an archive to load.
        for index in 0..<3 {
            XCTAssertEqual(try cli.run(["run", "--name", "committed-\(index)", "busybox", "sh", "-c", "echo \(index) > /mark"]).status, 0)
            XCTAssertEqual(try cli.run(["create", "--name", "removed-\(index)", "busybox", "true"]).status, 0)
            XCTAssertEqual(try cli.run(["tag", "busybox", "old:\(index)"]).status, 0)
        }
        XCTAssertEqual(try cli.run(["tag", "busybox", "archived:1"]).status, 0)
        XCTAssertEqual(try cli.run(["save", "-o", work.path + "/archived.tar", "archived:1"]).status, 0)
        XCTAssertEqual(try cli.run(["rmi", "archived:1"]).status, 0)

        let commands = (0..<3).flatMap { index -> [[String]] in
            [["run", "--rm", "busybox", "true"], ["run", "--name", "ran-\(index)", "busybox", "true"],
             ["commit", "committed-\(index)", "new:\(index)"], ["load", "-i", work.path + "/archived.tar"],
             ["tag", "busybox", "tagged:\(index)"], ["rm", "removed-\(index)"], ["rmi", "old:\(index)"]]
        }
        let results = try Tool.runAtOnce("dockling", commands, environment: root.environment)
        for (command, result) in zip(commands, results) {
            XCTAssertEqual(result.status, 0, "\(command.joined(separator: " ")): \(result.stderr)")
        }

        let index = try Data(contentsOf: URL(fileURLWithPath: root.path + "/index.json"))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: index), "index.json is whole")
        let tags = ["busybox", "archived:1"] + (0..<3).flatMap { ["new:\($0)", "tagged:\($0)"] }
        for tag in tags {
            XCTAssertEqual(try cli.run(["inspect", tag]).status, 0, "\(tag) resolves")
        }
        for index in 0..<3 {
            XCTAssertNotEqual(try cli.run(["inspect", "old:\(index)"]).status, 0, "old:\(index) was removed")
            let mark = try cli.run(["run", "--rm", "new:\(index)", "cat", "/mark"])
            XCTAssertEqual(mark.stdout, "\(index)\n", "new:\(index) holds its own container's change")
        }
        for name in (0..<3).flatMap({ ["committed-\($0)", "ran-\($0)", "removed-\($0)"] }) {
            XCTAssertEqual(try cli.status(name) == "absent", name.hasPrefix("removed-"), "\(name) in ps -a")
        }
        try check.assertEveryImageIsUsable("after the commands")
        let containers = try check.assertEveryContainerIsUsable("after the commands")
        for container in containers {
            XCTAssertEqual(try cli.run(["rm", "-f", container]).status, 0)
        }
        XCTAssertEqual(try cli.run(["rmi"] + tags.dropFirst()).status, 0)
        try check.assertPruneRestores(before, "after the commands")
    }
}
