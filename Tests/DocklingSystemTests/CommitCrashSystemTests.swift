import Foundation
import XCTest

/// A commit killed with SIGKILL at any moment leaves no tag pointing at a broken image:
/// the layer, config and manifest are blobs first, and the tag comes last, in one rename.
final class CommitCrashSystemTests: XCTestCase {
    func testACommitKilledAtAnyMomentLeavesOnlyRunnableImagesTagged() throws {
        try Tool.requireRoot()
        let root = try TemporaryRoot("commit-crash")
        let cli = DocklingCLI(root: root)
        // Many files and one big one, so that a kill lands in the middle of the layer.
        let fill = "mkdir /many && cd /many && seq 1 5000 | xargs touch && head -c 150000000 /dev/urandom > /big"
        let filled = try cli.run(["run", "--name", "many", "busybox", "sh", "-c", fill])
        guard filled.status == 0 else { return XCTFail("the container could not make its files: \(filled.stderr)") }

        for (number, delay) in [0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1.1, 1.5].enumerated() {
            try Tool.runKilled("dockling", ["commit", "many", "crash:\(number)"], environment: root.environment, after: delay)
            try assertEveryTaggedImageRuns(cli, repository: "crash", files: 5000)
        }
        XCTAssertEqual(try cli.run(["commit", "many", "crash:done"]).status, 0)
        try assertEveryTaggedImageRuns(cli, repository: "crash", files: 5000)
        XCTAssertTrue(try cli.run(["images", "crash"]).stdout.contains(" done "), "the commit that was not killed is listed")

        // What the killed commits left is garbage that removing the images collects.
        let tags = try cli.run(["images", "crash"]).stdout.split(separator: "\n").dropFirst()
            .map { $0.split(separator: " ").prefix(2).joined(separator: ":") }
        XCTAssertEqual(try cli.run(["rmi"] + tags).status, 0)
        XCTAssertEqual(try cli.run(["rm", "many"]).status, 0)
        let busybox = ((try cli.inspect("busybox")["RootFS"] as? [String: Any])?["Layers"] as? [String]) ?? []
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path + "/layers").sorted(),
                       busybox.map { String($0.dropFirst("sha256:".count)) }.sorted())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path + "/tmp").filter { $0.hasPrefix("images-") }, [])
    }

    func testACommitKilledWhileTheContainerIsFrozenLeavesItRunning() throws {
        try Tool.requireRoot()
        let root = try TemporaryRoot("commit-crash-frozen")
        let cli = DocklingCLI(root: root)
        let fill = "mkdir /many && cd /many && seq 1 3000 | xargs touch && head -c 60000000 /dev/urandom > /big"
        XCTAssertEqual(try cli.run(["run", "-d", "--name", "busy", "busybox", "sh", "-c",
                                    fill + " && touch /ready && exec sleep 100000"]).status, 0)
        defer { _ = try? cli.run(["rm", "-f", "busy"]) }
        var polls = 0
        while try !cli.run(["diff", "busy"]).stdout.contains("A /ready"), polls < 600 {
            Thread.sleep(forTimeInterval: 0.05)
            polls += 1
        }
        let state = try cli.state("busy")
        guard state["Running"] as? Bool == true, let pid = state["Pid"] as? Int else {
            return XCTFail("the container could not make its files: \(state)")
        }
        let freezer = try freezerFile(of: pid)

        for (number, delay) in [0.05, 0.1, 0.2, 0.3, 0.5, 0.8].enumerated() {
            try Tool.runKilled("dockling", ["commit", "busy", "frozen:\(number)"], environment: root.environment, after: delay)
            // The guard thawed the container as soon as the commit was gone.
            XCTAssertTrue(["THAWED\n", "0\n"].contains(try String(contentsOfFile: freezer, encoding: .utf8)),
                          "killed after \(delay) s, the container is left frozen")
            try assertEveryTaggedImageRuns(cli, repository: "frozen", files: 3000)
        }
        XCTAssertEqual(try cli.state("busy")["Running"] as? Bool, true)
    }

    /// The file that freezes the cgroup of process `pid`: v1's freezer.state, else v2's cgroup.freeze.
    private func freezerFile(of pid: Int) throws -> String {
        let lines = try String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8).split(separator: "\n")
        if let v1 = lines.first(where: { $0.split(separator: ":").dropFirst().first == "freezer" }) {
            return "/sys/fs/cgroup/freezer" + v1.split(separator: ":", maxSplits: 2)[2] + "/freezer.state"
        }
        let v2 = try XCTUnwrap(lines.first { $0.hasPrefix("0::") })
        let mount = FileManager.default.fileExists(atPath: "/sys/fs/cgroup/unified") ? "/sys/fs/cgroup/unified" : "/sys/fs/cgroup"
        return mount + v2.dropFirst(3) + "/cgroup.freeze"
    }

    private func assertEveryTaggedImageRuns(_ cli: DocklingCLI, repository: String, files: Int) throws {
        let listed = try cli.run(["images", repository])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        for row in listed.stdout.split(separator: "\n").dropFirst() {
            let name = row.split(separator: " ").prefix(2).joined(separator: ":")
            let ran = try cli.run(["run", "--rm", name, "sh", "-c", "ls /many | wc -l; test -s /big && echo big"])
            XCTAssertEqual(ran.stdout, "\(files)\nbig\n", "\(name): \(ran.stderr)")
        }
    }
}
