import Foundation
import XCTest

/// The tour keeps a store of its own: a learner's containers, volumes and images are
/// never its business, even when DOCKLING_ROOT names them and a lesson prunes.
final class TourStoreSystemTests: XCTestCase {
    func testTheTourLeavesTheLearnersContainerVolumeAndImageAsTheyWere() throws {
        let store = try SystemStore("learner")
        defer { try? store.clean() }
        let cli = store.cli
        XCTAssertEqual(try cli.run(["run", "--name", "mine", "-v", "notes:/notes", "busybox", "sh", "-c", "echo kept > /notes/a"]).status, 0)
        XCTAssertEqual(try cli.run(["tag", "busybox", "learner/box:1"]).status, 0)
        let before = try learnersThings(cli)
        XCTAssertTrue(before.contains("mine") && before.contains("notes") && before.contains("learner/box"), before)

        // Lesson 7 ends with `system prune -f --volumes`, which would take all three.
        let tour = try Tool.run("dockling", ["tour", "--check", "--no-pause", "--lesson", "7"],
                                environment: store.root.environment, timeout: 600)
        XCTAssertEqual(tour.status, 0, tour.stdout.suffix(3000) + tour.stderr)
        XCTAssertEqual(try learnersThings(cli), before)
        XCTAssertEqual(try cli.run(["run", "--rm", "-v", "notes:/notes", "busybox", "cat", "/notes/a"]).stdout, "kept\n")
    }

    /// The learner's store as `ps -a`, the volume folder and `images` show it.
    private func learnersThings(_ cli: DocklingCLI) throws -> String {
        // ID and NAME: the STATUS column counts the seconds since the container exited.
        let containers = try cli.run(["ps", "-a"]).stdout.split(separator: "\n").dropFirst()
            .map { line in "\(line.split(separator: " ").first ?? "") \(line.split(separator: " ").last ?? "")\n" }.joined()
        let volumes = (try? FileManager.default.contentsOfDirectory(atPath: cli.root.path + "/volumes"))?.sorted() ?? []
        let images = try cli.run(["images"]).stdout.split(separator: "\n").map { $0.split(separator: " ").prefix(3).joined(separator: " ") }
        return containers + volumes.joined(separator: "\n") + "\n" + images.joined(separator: "\n")
    }
}
