import Foundation
import XCTest

/// `volume create|ls|inspect|rm|prune` over the named volumes `run -v NAME:/path` makes.
final class VolumeCommandSystemTests: XCTestCase {
    private var store: SystemStore!
    private var cli: DocklingCLI { store.cli }

    override func setUpWithError() throws {
        store = try SystemStore("volumes")
    }

    override func tearDownWithError() throws {
        try store?.clean()
    }

    func testCreateListInspectAndRemove() throws {
        XCTAssertEqual(try cli.run(["volume", "create", "data"]).stdout, "data\n")
        XCTAssertEqual(try cli.run(["volume", "create", "--label", "team=blue", "labelled"]).stdout, "labelled\n")
        XCTAssertEqual(try cli.run(["volume", "create", "data"]).status, 0, "creating an existing volume is no error")
        let listed = try cli.run(["volume", "ls"])
        XCTAssertEqual(listed.stdout, "DRIVER    VOLUME NAME\nlocal     data\nlocal     labelled\n")
        XCTAssertEqual(try cli.run(["volume", "ls", "-q"]).stdout, "data\nlabelled\n")

        let inspected = try cli.run(["volume", "inspect", "data", "labelled"])
        XCTAssertEqual(inspected.status, 0, inspected.stderr)
        let objects = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(inspected.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(objects.count, 2)
        XCTAssertEqual(Set(objects[0].keys), ["CreatedAt", "Driver", "Labels", "Mountpoint", "Name", "Options", "Scope"])
        XCTAssertEqual(objects[0]["Name"] as? String, "data")
        XCTAssertEqual(objects[0]["Driver"] as? String, "local")
        XCTAssertEqual(objects[0]["Mountpoint"] as? String, store.root.path + "/volumes/data/_data")
        XCTAssertTrue(objects[0]["Labels"] is NSNull)
        XCTAssertEqual(objects[1]["Labels"] as? [String: String], ["team": "blue"])
        XCTAssertEqual(try cli.run(["volume", "inspect", "-f", "{{.Name}} {{index .Labels \"team\"}}", "labelled"]).stdout,
                       "labelled blue\n")

        let missing = try cli.run(["volume", "inspect", "nosuch"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "dockling: get nosuch: no such volume\n")
        let removed = try cli.run(["volume", "rm", "labelled"])
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertEqual(removed.stdout, "labelled\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.root.path + "/volumes/labelled"))
    }

    func testAVolumeInUseIsRefusedUntilItsContainerGoesAndPruneAllTakesUnusedOnes() throws {
        let made = try cli.run(["run", "--name", "writer", "-v", "kept:/data", "busybox", "sh", "-c", "echo hi > /data/f"])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(try cli.run(["volume", "create", "spare"]).status, 0)
        let id = try XCTUnwrap(try cli.inspect("writer")["Id"] as? String)
        let refused = try cli.run(["volume", "rm", "kept"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "dockling: remove kept: volume is in use - [\(id)]\n")

        // docker 23 and later prune only anonymous volumes without -a; dockling has none.
        XCTAssertEqual(try cli.run(["volume", "prune", "-f"]).stdout, "Total reclaimed space: 0B\n")
        let pruned = try cli.run(["volume", "prune", "-a", "-f"])
        XCTAssertEqual(pruned.stdout, "Deleted Volumes:\nspare\n\nTotal reclaimed space: 0B\n", "kept is in use by a stopped container")
        XCTAssertEqual(try cli.run(["rm", "writer"]).status, 0)
        let last = try cli.run(["volume", "prune", "-a", "-f"])
        XCTAssertEqual(last.stdout, "Deleted Volumes:\nkept\n\nTotal reclaimed space: 3B\n")
        XCTAssertEqual(try cli.run(["volume", "ls", "-q"]).stdout, "")
    }
}
