import Foundation
import XCTest

/// A `FROM scratch` image of one static binary: no /proc, /dev, /sys or /etc. dockling
/// makes the mount points and the working directory the image lacks in the container's
/// own layer (where `dockling diff` shows them, and the image never changes), as docker
/// does — and a symlink in the image cannot lead what it makes out of the root.
final class MinimalImageSystemTests: XCTestCase {
    private var store: SystemStore!
    private var cli: DocklingCLI { store.cli }
    /// Host folders for the tests' images and volumes, removed with the test case.
    private var work: TemporaryRoot!

    override func setUpWithError() throws {
        store = try SystemStore("minimal")
        work = try TemporaryRoot("minimal-work")
        try importImage("small:1", files: [:])
    }

    override func tearDownWithError() throws {
        try store?.clean()
    }

    /// Imports a one-layer image holding the host's static busybox as /bin/busybox and
    /// nothing else, but for `links` (path → symlink target).
    private func importImage(_ name: String, files links: [String: String]) throws {
        let tree = work.path + "/" + name.replacing(":", with: "-")
        try FileManager.default.createDirectory(atPath: tree + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "/bin/busybox", toPath: tree + "/bin/busybox")
        for (path, target) in links {
            try FileManager.default.createSymbolicLink(atPath: tree + "/" + path, withDestinationPath: target)
        }
        let archive = tree + ".tar"
        XCTAssertEqual(try Tool.exec("/bin/tar", ["-C", tree, "-cf", archive, "."]).status, 0)
        try cli.succeed(["import", archive, name])
    }

    /// Every path in the image's layer with its mode, to prove nothing there changed.
    private func layerListing(_ image: String) throws -> [String] {
        let object = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(cli.succeed(["inspect", image]).utf8))
                                    as? [[String: Any]])?.first)
        let lower = try XCTUnwrap(((object["GraphDriver"] as? [String: Any])?["Data"] as? [String: String])?["LowerDir"])
        XCTAssertFalse(lower.contains(":"), "one layer")
        return try Tool.exec("/usr/bin/find", [lower, "-mindepth", "1", "-printf", "%P %m %y\n"]).stdout
            .split(separator: "\n").map(String.init).sorted()
    }

    /// The container's writable layer (its overlay upper directory).
    private func upper(_ container: String) throws -> String {
        try XCTUnwrap(((try cli.inspect(container)["GraphDriver"] as? [String: Any])?["Data"]
                       as? [String: String])?["UpperDir"])
    }

    /// `stat -c '%a %F'` of a path in the container's writable layer.
    private func kind(_ path: String, in container: String) throws -> String {
        try Tool.exec("/usr/bin/stat", ["-c", "%a %F", try upper(container) + path]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testAOneFileImageRunsAndDiffListsTheMountPointsItMade() throws {
        let layer = try layerListing("small:1")
        XCTAssertEqual(layer.map { $0.split(separator: " ")[0] }, ["bin", "bin/busybox"], "only /bin/busybox: \(layer)")
        let run = try cli.run(["run", "--name", "tiny", "small:1", "busybox", "echo", "hi"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "hi\n")
        XCTAssertEqual(try cli.succeed(["diff", "tiny"]), "A /dev\nA /proc\nA /sys\n", "docker's mount points, in the container's layer")
        for path in ["/dev", "/proc", "/sys"] {
            XCTAssertEqual(try kind(path, in: "tiny"), "755 directory", path)
        }
        XCTAssertEqual(try cli.succeed(["start", "-a", "tiny"]), "hi\n", "and again, with the mount points there")
        XCTAssertEqual(try layerListing("small:1"), layer, "the image's layer is untouched")
    }

    func testAWorkingDirectoryAndVolumeTargetsTheImageLacksAreMade() throws {
        let folder = work.path + "/volume"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "data\n".write(toFile: folder + "/f", atomically: false, encoding: .utf8)
        try "conf\n".write(toFile: work.path + "/conf", atomically: false, encoding: .utf8)
        let layer = try layerListing("small:1")
        let run = try cli.run(["run", "--name", "made", "-w", "/some/new/dir", "-v", folder + ":/mnt/deep/vol",
                               "-v", work.path + "/conf:/etc/conf", "small:1",
                               "busybox", "sh", "-c", "pwd; busybox cat /mnt/deep/vol/f /etc/conf"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "/some/new/dir\ndata\nconf\n")
        XCTAssertEqual(try cli.succeed(["diff", "made"]), [
            "A /dev", "A /etc", "A /etc/conf", "A /mnt", "A /mnt/deep", "A /mnt/deep/vol",
            "A /proc", "A /some", "A /some/new", "A /some/new/dir", "A /sys",
        ].map { $0 + "\n" }.joined())
        XCTAssertEqual(try kind("/some/new/dir", in: "made"), "755 directory")
        XCTAssertEqual(try kind("/mnt/deep/vol", in: "made"), "755 directory")
        XCTAssertEqual(try kind("/etc/conf", in: "made"), "644 regular empty file", "a file is bound onto a file")
        XCTAssertEqual(try layerListing("small:1"), layer, "the image's layer is untouched")
    }

    /// The image's /data points out of the root, to a host folder. The volume's target
    /// and the working directory beneath it are made where the container sees /data
    /// lead — inside its own root — and nothing appears on the host.
    func testASymlinkInTheImageCannotLeadAMountPointOutOfTheRoot() throws {
        let outside = work.path + "/outside"
        try importImage("climber:1", files: ["data": "/../../../../../../../.." + outside, "sys": "../../../../../../.." + outside + "-sys"])
        let folder = work.path + "/volume"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let run = try cli.run(["run", "--name", "climber", "-w", "/data/work", "-v", folder + ":/data/inner",
                               "climber:1", "busybox", "sh", "-c", "pwd; busybox touch /data/inner/seen"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, outside + "/work\n", "the container follows /data inside its root")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/seen"), "the volume was mounted where /data leads")
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside), "nothing was made on the host")
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside + "-sys"), "nothing was made on the host")
        let diff = try cli.succeed(["diff", "climber"])
        XCTAssertTrue(diff.contains("A \(outside)/inner\n") && diff.contains("A \(outside)/work\n")
                      && diff.contains("A \(outside)-sys\n"), diff)
    }
}
