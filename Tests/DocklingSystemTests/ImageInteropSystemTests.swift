import Foundation
import XCTest

/// Images travel between dockling and the real tools: podman loads and runs what
/// dockling saves, dockling loads what podman saves, skopeo reads dockling's archives.
final class ImageInteropSystemTests: XCTestCase {
    private var root: TemporaryRoot!
    private var work: TemporaryRoot!
    private var privatePodman: PrivatePodman?

    override func setUpWithError() throws {
        try Tool.requireProgram("skopeo", package: "skopeo")
        try Tool.requireProgram("busybox", package: "busybox-static")
        root = try TemporaryRoot("interop")
        work = try TemporaryRoot("interop-work")
        privatePodman = try PrivatePodman(work: work.path)
    }

    override func tearDownWithError() throws {
        // Nothing of podman's may outlive the test: its storage lives in the work folder.
        privatePodman?.remove()
        privatePodman = nil
        // XCTest keeps test cases alive to the end of the run: let go of the folders now.
        root = nil
        work = nil
    }

    /// podman with private storage under the test's folder, set up for this machine.
    @discardableResult
    private func podman(_ arguments: [String]) throws -> ToolResult {
        try XCTUnwrap(privatePodman).run(arguments)
    }

    @discardableResult
    private func dockling(_ arguments: [String]) throws -> ToolResult {
        let result = try Tool.run("dockling", arguments, environment: root.environment)
        XCTAssertEqual(result.status, 0, "dockling \(arguments): \(result.stderr)")
        return result
    }

    /// A small runnable image in dockling: busybox plus a file, with a command.
    private func makeDocklingImage() throws {
        let tree = work.path + "/app"
        try FileManager.default.createDirectory(atPath: tree + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "/bin/busybox", toPath: tree + "/bin/busybox")
        try FileManager.default.createSymbolicLink(atPath: tree + "/bin/sh", withDestinationPath: "busybox")
        try Data("made by dockling\n".utf8).write(to: URL(fileURLWithPath: tree + "/motd"))
        let made = try Tool.run("dockling-snapshot", [tree, "--tag", "dockling-app:1", "--cmd", "/bin/sh -c 'cat /motd'"],
                                environment: root.environment)
        XCTAssertEqual(made.status, 0, made.stderr)
    }

    func testDocklingSavesLoadAndRunInPodman() throws {
        try makeDocklingImage()
        for format in ["docker", "oci"] {
            let archive = "\(work.path)/app-\(format).tar"
            try dockling(["save", "--format", format, "-o", archive, "dockling-app:1"])
            try podman(["load", "-i", archive])
            let ran = try podman(["run", "--rm", "--network", "none", "docker.io/library/dockling-app:1"])
            XCTAssertEqual(ran.stdout, "made by dockling\n", format)
            try podman(["rmi", "--all", "--force"])
        }
    }

    func testSkopeoReadsBothArchiveFormats() throws {
        try makeDocklingImage()
        let inspect = try JSONSerialization.jsonObject(with: Data(try dockling(["inspect", "dockling-app:1"]).stdout.utf8))
        let diffIDs = ((inspect as? [[String: Any]])?.first?["RootFS"] as? [String: Any])?["Layers"] as? [String]
        for (format, transport) in [("docker", "docker-archive"), ("oci", "oci-archive")] {
            let archive = "\(work.path)/app-\(format).tar"
            try dockling(["save", "--format", format, "-o", archive, "dockling-app:1"])
            let result = try Tool.exec("/usr/bin/env", ["skopeo", "inspect", "\(transport):\(archive)"])
            XCTAssertEqual(result.status, 0, "\(transport): \(result.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            XCTAssertEqual(object?["Layers"] as? [String], diffIDs, transport)
            XCTAssertEqual(object?["Os"] as? String, "linux", transport)
        }
    }

    func testPodmanSavesLoadIntoDocklingIntact() throws {
        let rootfs = work.path + "/rootfs"
        try FileManager.default.createDirectory(atPath: rootfs + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "/bin/busybox", toPath: rootfs + "/bin/busybox")
        try FileManager.default.createSymbolicLink(atPath: rootfs + "/bin/sh", withDestinationPath: "busybox")
        XCTAssertEqual(try Tool.exec("/bin/tar", ["-C", rootfs, "-cf", work.path + "/rootfs.tar", "."]).status, 0)
        try podman(["import", "--change", "CMD [\"sh\"]", "--change", "ENV COLOR=blue", work.path + "/rootfs.tar",
                    "localhost/podman-made:7"])
        let id = try podman(["inspect", "--format", "{{.Id}}", "localhost/podman-made:7"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let layers = try podman(["inspect", "--format", "{{range .RootFS.Layers}}{{.}} {{end}}", "localhost/podman-made:7"])
            .stdout.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }

        for format in ["docker-archive", "oci-archive"] {
            let archive = "\(work.path)/podman-\(format).tar"
            try podman(["save", "--format", format, "-o", archive, "localhost/podman-made:7"])
            let other = try TemporaryRoot("interop-\(format)")
            let loaded = try Tool.run("dockling", ["load", "-i", archive], environment: other.environment)
            XCTAssertEqual(loaded.stdout, "Loaded image: localhost/podman-made:7\n", "\(format): \(loaded.stderr)")
            let inspect = try Tool.run("dockling", ["inspect", "localhost/podman-made:7"], environment: other.environment)
            let object = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [[String: Any]])?.first,
                                       inspect.stderr)
            XCTAssertEqual(object["Id"] as? String, "sha256:" + id, format)
            XCTAssertEqual((object["RootFS"] as? [String: Any])?["Layers"] as? [String], layers, format)
            let config = object["Config"] as? [String: Any]
            XCTAssertEqual(config?["Cmd"] as? [String], ["sh"], format)
            XCTAssertTrue((config?["Env"] as? [String])?.contains("COLOR=blue") == true, format)
            let lower = ((object["GraphDriver"] as? [String: Any])?["Data"] as? [String: String])?["LowerDir"]
            XCTAssertTrue(FileManager.default.isExecutableFile(atPath: (lower ?? "") + "/bin/busybox"), format)
        }
    }
}
