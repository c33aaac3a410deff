import Foundation
import XCTest

/// dockling-snapshot and the image commands, run as the built executables.
final class ImageSystemTests: XCTestCase {
    private var root: TemporaryRoot!
    private var work: TemporaryRoot!

    // XCTest keeps test cases alive to the end of the run: let go of the folders now.
    override func tearDown() {
        root = nil
        work = nil
    }

    override func setUpWithError() throws {
        root = try TemporaryRoot("images")
        work = try TemporaryRoot("images-work")
        try FileManager.default.createDirectory(atPath: work.path + "/site/sub", withIntermediateDirectories: true)
        try Data("<h1>hello</h1>\n".utf8).write(to: URL(fileURLWithPath: work.path + "/site/index.html"))
        try Data("more\n".utf8).write(to: URL(fileURLWithPath: work.path + "/site/sub/more.txt"))
    }

    private func dockling(_ arguments: [String], extra: [String: String] = [:]) throws -> ToolResult {
        try Tool.run("dockling", arguments, environment: root.environment.merging(extra) { $1 })
    }

    private func snapshot(_ tag: String, _ extra: [String] = []) throws -> ToolResult {
        let result = try Tool.run("dockling-snapshot", [work.path + "/site", "--tag", tag] + extra,
                                  environment: root.environment.merging(["SOURCE_DATE_EPOCH": "1704067200"]) { $1 })
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    /// The digest printed on the line that starts with `label` in the snapshot's step `step`.
    private func digest(_ output: String, step: String, label: String) -> String? {
        let lines = output.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(step) }) else { return nil }
        return lines[start...].first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }?
            .split(separator: " ").first { $0.hasPrefix("sha256:") }.map(String.init)
    }

    func testSnapshottingTheSameDirectoryTwiceGivesTheSameLayerDigest() throws {
        let first = try snapshot("site:v1", ["--cmd", "cat /index.html"])
        let second = try snapshot("site:v2", ["--cmd", "ls", "--env", "A=1", "--workdir", "/sub"])
        let layer = try XCTUnwrap(digest(first.stdout, step: "1.", label: "digest"), first.stdout)
        XCTAssertEqual(digest(second.stdout, step: "1.", label: "digest"), layer)
        XCTAssertEqual(digest(first.stdout, step: "1.", label: "diff id"), layer)
        XCTAssertNotEqual(digest(first.stdout, step: "2.", label: "digest"), digest(second.stdout, step: "2.", label: "digest"))
        let again = try snapshot("site:v1", ["--cmd", "cat /index.html"])
        XCTAssertEqual(again.stdout, first.stdout, "the same inputs and SOURCE_DATE_EPOCH give the same image id")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path + "/layers").count, 1)
    }

    func testImagesInspectHistoryTagAndRmi() throws {
        let made = try snapshot("site:v1", ["--cmd", "cat /index.html", "--env", "GREETING=hi"])
        let id = try XCTUnwrap(digest(made.stdout, step: "2.", label: "digest"))
        XCTAssertEqual(try dockling(["tag", "site:v1", "quay.io/me/site:2"]).status, 0)

        let images = try dockling(["images"])
        XCTAssertEqual(images.status, 0, images.stderr)
        let rows = images.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(rows.first, ["REPOSITORY", "TAG", "IMAGE", "ID", "CREATED", "SIZE"])
        XCTAssertEqual(Set(rows.dropFirst().map { $0.prefix(3) }),
                       [["site", "v1", String(id.dropFirst(7).prefix(12))], ["quay.io/me/site", "2", String(id.dropFirst(7).prefix(12))]])
        XCTAssertEqual(try dockling(["image", "ls", "-q"]).stdout, String(id.dropFirst(7).prefix(12)) + "\n")

        let inspect = try dockling(["inspect", "site:v1"])
        XCTAssertEqual(inspect.status, 0, inspect.stderr)
        let objects = try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [[String: Any]]
        let object = try XCTUnwrap(objects?.first)
        XCTAssertEqual(object["Id"] as? String, id)
        XCTAssertEqual(object["RepoTags"] as? [String], ["site:v1", "quay.io/me/site:2"])
        let config = try XCTUnwrap(object["Config"] as? [String: Any])
        XCTAssertEqual(config["Cmd"] as? [String], ["cat", "/index.html"])
        XCTAssertEqual(config["Env"] as? [String], ["GREETING=hi"])
        let lower = try XCTUnwrap((object["GraphDriver"] as? [String: Any])?["Data"] as? [String: String])["LowerDir"]
        XCTAssertEqual(try String(contentsOfFile: try XCTUnwrap(lower) + "/index.html", encoding: .utf8), "<h1>hello</h1>\n")

        let history = try dockling(["history", "--no-trunc", "site:v1"])
        XCTAssertTrue(history.stdout.contains("dockling-snapshot \(work.path)/site"), history.stdout)

        XCTAssertNotEqual(try dockling(["rmi", String(id.dropFirst(7))]).status, 0, "two names: refused by id")
        XCTAssertEqual(try dockling(["rmi", "site:v1"]).stdout, "Untagged: site:v1\n")
        let removed = try dockling(["rmi", "quay.io/me/site:2"])
        XCTAssertTrue(removed.stdout.hasPrefix("Untagged: quay.io/me/site:2\nDeleted: \(id)\n"), removed.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path + "/blobs/sha256"), [])
        XCTAssertEqual(try dockling(["inspect", "site:v1"]).status, 125)
    }

    func testBusyboxIsMadeOnFirstUseAndTheTraceSaysSo() throws {
        try Tool.requireProgram("busybox", package: "busybox-static")
        let first = try dockling(["history", "busybox", "--trace"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("busybox:latest is not in the store"), first.stderr)
        XCTAssertTrue(first.stderr.contains("rename("), "publishing is traced: \(first.stderr)")
        let second = try dockling(["history", "busybox", "--trace"])
        XCTAssertFalse(second.stderr.contains("is not in the store"), second.stderr)
        let inspect = try dockling(["inspect", "busybox"])
        XCTAssertTrue(inspect.stdout.contains("\"sh\""), inspect.stdout)
    }

    func testLoadReadsStandardInputAndSaveRefusesNothingToName() throws {
        _ = try snapshot("site:v1")
        let archive = work.path + "/site.tar"
        XCTAssertEqual(try dockling(["save", "-o", archive, "site:v1"]).status, 0)
        let other = try TemporaryRoot("images-other")
        let loaded = try Tool.exec("/bin/sh", ["-c", "\(Tool.path("dockling")) load < \(archive)"],
                                   environment: other.environment)
        XCTAssertEqual(loaded.stdout, "Loaded image: site:v1\n", loaded.stderr)
        XCTAssertTrue(loaded.stderr.contains("done"), "plain progress lines when not a terminal: \(loaded.stderr)")
        XCTAssertNotEqual(try dockling(["save", "-o", archive]).status, 0)
        XCTAssertNotEqual(try dockling(["save", "--format", "zip", "-o", archive, "site:v1"]).status, 0)
    }
}
