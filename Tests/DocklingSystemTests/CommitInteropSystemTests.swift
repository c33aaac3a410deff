import Foundation
import XCTest

/// A committed image is an ordinary OCI image: podman loads what `dockling save` writes
/// of it and shows the same files — overlay's whiteouts went out as OCI whiteouts.
final class CommitInteropSystemTests: XCTestCase {
    func testPodmanRunsTheCommittedImageWithTheSameFiles() throws {
        try Tool.requireRoot()
        let root = try TemporaryRoot("commit-interop")
        let work = try TemporaryRoot("commit-interop-work")
        let podman = try PrivatePodman(work: work.path)
        defer { podman.remove() }
        let cli = DocklingCLI(root: root)
        for arguments in [["run", "--name", "changer", "busybox", "sh", "-c", CommitSystemTests.changes],
                          ["commit", "changer", "greeted:1"],
                          ["save", "-o", work.path + "/greeted.tar", "greeted:1"]] {
            let result = try cli.run(arguments)
            XCTAssertEqual(result.status, 0, "dockling \(arguments): \(result.stderr)")
        }
        try podman.run(["load", "-i", work.path + "/greeted.tar"])
        let seen = try podman.run(["run", "--rm", "--network", "none", "docker.io/library/greeted:1",
                                   "sh", "-c", CommitSystemTests.look])
        XCTAssertEqual(seen.stdout, CommitSystemTests.seen)
        let layers = try podman.run(["inspect", "--format", "{{len .RootFS.Layers}}", "docker.io/library/greeted:1"])
        XCTAssertEqual(layers.stdout, "2\n")
    }
}
