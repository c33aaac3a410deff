import Foundation
import XCTest

/// `dockling commit` and `dockling diff`: a container's changes become one more layer,
/// and the new image shows exactly those changes wherever it runs.
final class CommitSystemTests: XCTestCase {
    private var root: TemporaryRoot!
    private var cli: DocklingCLI!

    /// Adds a file, changes one, deletes one, and deletes a directory of the image
    /// (/sbin, full of busybox links) and makes it again with new content. (Files a
    /// runtime writes at start — /etc/hosts, /etc/hostname — are left alone, since podman
    /// runs the image too.)
    static let changes = "echo hello > /greeting && echo lesson:x:1000: >> /etc/group && rm /linuxrc"
        + " && rm -r /sbin && mkdir /sbin && echo mine > /sbin/tool"
    /// What a container of the committed image should see of those changes.
    static let look = "cat /greeting; tail -n 1 /etc/group; test -e /linuxrc || echo no linuxrc; ls /sbin"
    static let seen = "hello\nlesson:x:1000:\nno linuxrc\ntool\n"

    override func setUpWithError() throws {
        try Tool.requireRoot()
        root = try TemporaryRoot("commit")
        cli = DocklingCLI(root: root)
    }

    override func tearDown() {
        cli = nil
        root = nil
    }

    @discardableResult
    private func dockling(_ arguments: [String]) throws -> ToolResult {
        let result = try cli.run(arguments)
        XCTAssertEqual(result.status, 0, "dockling \(arguments): \(result.stderr)")
        return result
    }

    private func inspect(_ image: String) throws -> [String: Any] {
        try cli.inspect(image)
    }

    private func layers(_ image: String) throws -> [String] {
        try XCTUnwrap((try inspect(image)["RootFS"] as? [String: Any])?["Layers"] as? [String])
    }

    /// The unpacked layer directories of an image, bottom first.
    private func layerDirectories(_ image: String) throws -> [String] {
        let lower = ((try inspect(image)["GraphDriver"] as? [String: Any])?["Data"] as? [String: String])?["LowerDir"]
        return try XCTUnwrap(lower).split(separator: ":").reversed().map(String.init)
    }

    func testTheNewImageShowsExactlyTheContainersChanges() throws {
        try dockling(["run", "--name", "changer", "busybox", "sh", "-c", Self.changes])
        XCTAssertEqual(try dockling(["diff", "changer"]).stdout,
                       "C /etc\nC /etc/group\nA /greeting\nD /linuxrc\nD /sbin\nA /sbin/tool\n")
        let id = try dockling(["commit", "-m", "say hello", "-a", "Jane <jane@example.com>", "changer", "greeted:1"]).stdout
        XCTAssertTrue(id.hasPrefix("sha256:") && id.count == 72, id)
        XCTAssertEqual(try dockling(["run", "--rm", "greeted:1", "sh", "-c", Self.look]).stdout, Self.seen,
                       "the added and changed files are there, the deleted ones gone, /sbin holds only its new file")
        XCTAssertEqual(try dockling(["run", "--rm", "busybox", "sh", "-c",
                                     "test ! -e /greeting && tail -n 1 /etc/group && test -L /linuxrc && test -L /sbin/ifconfig && echo intact"]).stdout,
                       try dockling(["run", "--rm", "busybox", "tail", "-n", "1", "/etc/group"]).stdout + "intact\n",
                       "the image the container came from is unchanged")

        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath:
            root.path + "/blobs/sha256/" + id.dropFirst(7).trimmingCharacters(in: .newlines)))) as? [String: Any]
        let history = try XCTUnwrap(config?["history"] as? [[String: Any]])
        XCTAssertEqual(history.last?["created_by"] as? String, "sh -c " + Self.changes)
        XCTAssertEqual(history.last?["comment"] as? String, "say hello")
        XCTAssertEqual(config?["author"] as? String, "Jane <jane@example.com>")
        XCTAssertEqual(try layers("greeted:1").count, try layers("busybox").count + 1)
    }

    /// U+0301 right after a slash joins the slash into one Swift Character; the kernel
    /// still splits there, so /\u{301}bin is a new file beside the image's /bin.
    func testDiffTellsANameStartingWithACombiningMarkFromTheNameWithoutIt() throws {
        try dockling(["run", "--name", "marked", "busybox", "touch", "/\u{301}bin"])
        XCTAssertEqual(try dockling(["diff", "marked"]).stdout, "A /\u{301}bin\n")
    }

    func testCommittingAContainerOfACommittedImageSharesTheFirstLayersOnDisk() throws {
        try dockling(["run", "--name", "first", "busybox", "sh", "-c", Self.changes])
        try dockling(["commit", "first", "greeted:1"])
        try dockling(["run", "--name", "second", "greeted:1", "sh", "-c", "echo again >> /greeting"])
        XCTAssertEqual(try dockling(["diff", "second"]).stdout, "C /greeting\n")
        try dockling(["commit", "second", "greeted:2"])

        let parent = try layers("greeted:1"), child = try layers("greeted:2")
        XCTAssertEqual(child.count, 3)
        XCTAssertEqual(Array(child.prefix(2)), parent)
        let directories = try layerDirectories("greeted:2")
        XCTAssertEqual(Array(directories.prefix(2)), try layerDirectories("greeted:1"), "the same directories, not copies")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path + "/layers").sorted(),
                       directories.map { ($0 as NSString).lastPathComponent }.sorted(), "three layers in all, each once")
        XCTAssertEqual(try dockling(["run", "--rm", "greeted:2", "cat", "/greeting"]).stdout, "hello\nagain\n")
    }

    /// As docker does, the new image starts as the container did: its -e, -w, --user and
    /// command (and nothing dockling adds at each start, such as HOSTNAME).
    func testTheNewImageStartsAsTheContainerDid() throws {
        try dockling(["run", "--name", "configured", "-e", "COLOR=blue", "-w", "/tmp", "--user", "nobody",
                      "busybox", "sh", "-c", "echo $COLOR in $PWD as $(id -un)"])
        try dockling(["commit", "configured", "configured:1"])
        let config = try XCTUnwrap(try inspect("configured:1")["Config"] as? [String: Any])
        XCTAssertEqual(config["Cmd"] as? [String], ["sh", "-c", "echo $COLOR in $PWD as $(id -un)"])
        XCTAssertEqual(config["WorkingDir"] as? String, "/tmp")
        XCTAssertEqual(config["User"] as? String, "nobody")
        let environment = try XCTUnwrap(config["Env"] as? [String])
        XCTAssertTrue(environment.contains("COLOR=blue"), "\(environment)")
        XCTAssertFalse(environment.contains { $0.hasPrefix("HOSTNAME=") }, "\(environment)")
        XCTAssertEqual(try dockling(["run", "--rm", "configured:1"]).stdout, "blue in /tmp as nobody\n")
    }

    func testChangesMakeTheNewImageStartDifferently() throws {
        try dockling(["run", "--name", "quiet", "busybox", "true"])
        try dockling(["commit", "-c", #"CMD ["echo","hi"]"#, "quiet", "hi:1"])
        XCTAssertEqual(try dockling(["run", "--rm", "hi:1"]).stdout, "hi\n")
        try dockling(["commit", "--change", "ENV COLOR=blue", "-c", "WORKDIR /tmp", "-c", "CMD echo $COLOR in $PWD",
                      "quiet", "hi:2"])
        XCTAssertEqual(try dockling(["run", "--rm", "hi:2"]).stdout, "blue in /tmp\n")
        let refused = try cli.run(["commit", "-c", "RUN rm -rf /", "quiet", "hi:3"])
        XCTAssertEqual(refused.status, 125)
        XCTAssertTrue(refused.stderr.contains("CMD, ENTRYPOINT, ENV, WORKDIR, EXPOSE"), refused.stderr)
    }

    func testARunningContainerIsFrozenWhileItsLayerIsWrittenAndRunsOnAfter() throws {
        try dockling(["run", "-d", "--name", "ticker", "busybox", "sh", "-c",
                      "i=0; while true; do i=$((i+1)); echo $i > /next && mv /next /count; sleep 0.05; done"])
        defer { _ = try? cli.run(["rm", "-f", "ticker"]) }
        var polls = 0
        while try !cli.run(["diff", "ticker"]).stdout.contains("A /count"), polls < 100 {
            Thread.sleep(forTimeInterval: 0.05)
            polls += 1
        }
        XCTAssertEqual(try cli.state("ticker")["Running"] as? Bool, true, "the container runs while it is committed")
        let paused = try dockling(["commit", "--trace=json", "ticker", "ticks:1"])
        // The freezer is a file of the container's cgroup: v1's freezer.state or v2's cgroup.freeze.
        let events = paused.stderr.split(separator: "\n").map(String.init)
        let control = #"/sys/fs/cgroup/[^"\\]*/(freezer\.state|cgroup\.freeze)"#
        let opened = events.filter { $0.contains(#""call":"openat""#) }.compactMap { line in
            line.range(of: control, options: .regularExpression).map { String(line[$0]) }
        }
        XCTAssertEqual(opened.count, 2, "one write to freeze, one to thaw: \(paused.stderr)")
        let writes = events.filter { $0.contains(#""call":"write""#) }.compactMap { line in
            ["freeze every process", "thaw the container"].first { line.contains($0) }
        }
        XCTAssertEqual(writes, ["freeze every process", "thaw the container"])
        let freezerFile = try XCTUnwrap(opened.last)
        XCTAssertTrue(["THAWED\n", "0\n"].contains(try String(contentsOfFile: freezerFile, encoding: .utf8)), freezerFile)
        XCTAssertEqual(try cli.state("ticker")["Running"] as? Bool, true)
        let count = try dockling(["run", "--rm", "ticks:1", "cat", "/count"]).stdout
        XCTAssertNotNil(Int(count.trimmingCharacters(in: .newlines)), count)

        let unpaused = try dockling(["commit", "--no-pause", "--trace=json", "ticker", "ticks:2"])
        XCTAssertFalse(unpaused.stderr.contains("freeze every process"), "--no-pause copies the files as they change")
    }

    func testTheConceptToolShowsEachWhiteoutAndALayerListOneLonger() throws {
        try dockling(["run", "--name", "changer", "busybox", "sh", "-c", Self.changes])
        let shown = try Tool.run("dockling-commit", ["changer", "lesson:1"], environment: root.environment)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        for expected in ["   c 0:0  linuxrc   (overlayfs whiteout: deleted)",
                         "   d      sbin   (trusted.overlay.opaque=y: made again, nothing below shows through)",
                         "   .wh.linuxrc   <- whiteout: /linuxrc is deleted",
                         "   sbin/.wh..wh..opq   <- opaque whiteout: hide what the layers below have in /sbin",
                         "5. tag: index.json now names that manifest lesson:1"] {
            XCTAssertTrue(lines.contains(expected), "missing \(expected) in\n\(shown.stdout)")
        }
        let listed = lines.filter { $0.hasPrefix("   layer ") }
        XCTAssertEqual(listed.count, try layers("busybox").count + 1)
        XCTAssertEqual(try dockling(["run", "--rm", "lesson:1", "sh", "-c", Self.look]).stdout, Self.seen)
    }
}
