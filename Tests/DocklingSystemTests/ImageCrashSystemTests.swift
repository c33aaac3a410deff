import Foundation
import XCTest

/// A load killed with SIGKILL at any moment leaves no image listed that cannot be used,
/// and nothing that garbage collection cannot remove.
final class ImageCrashSystemTests: XCTestCase {
    func testLoadKilledAtAnyPointLeavesAUsableStore() throws {
        let root = try TemporaryRoot("crash")
        let work = try TemporaryRoot("crash-work")
        let environment = root.environment
        // An image with a layer big enough to be caught in the middle of a load.
        XCTAssertEqual(try Tool.exec("/bin/sh", ["-c", "mkdir -p \(work.path)/tree && head -c 48000000 /dev/urandom > \(work.path)/tree/big && seq 1 3000 | while read n; do echo $n > \(work.path)/tree/f$n; done"]).status, 0)
        XCTAssertEqual(try Tool.run("dockling-snapshot", [work.path + "/tree", "--tag", "big:1"], environment: environment).status, 0)
        XCTAssertEqual(try Tool.run("dockling", ["save", "-o", work.path + "/big.tar", "big:1"], environment: environment).status, 0)
        XCTAssertEqual(try Tool.run("dockling", ["rmi", "big:1"], environment: environment).status, 0)

        for delay in [0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Tool.path("dockling"))
            process.arguments = ["load", "-i", work.path + "/big.tar"]
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try assertEveryListedImageIsUsable(environment)
        }

        XCTAssertEqual(try Tool.run("dockling", ["load", "-i", work.path + "/big.tar"], environment: environment).status, 0)
        try assertEveryListedImageIsUsable(environment)
        // Removing the image collects garbage: all that the killed loads left goes too.
        let removed = try Tool.run("dockling", ["rmi", "big:1"], environment: environment)
        XCTAssertEqual(removed.status, 0, removed.stderr)
        for folder in ["layers", "blobs/sha256"] {
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path + "/" + folder), [], folder)
        }
        let scratch = try FileManager.default.contentsOfDirectory(atPath: root.path + "/tmp")
        XCTAssertEqual(scratch.filter { $0.hasPrefix("images-") }, [])
    }

    private func assertEveryListedImageIsUsable(_ environment: [String: String]) throws {
        let ids = try Tool.run("dockling", ["images", "-q"], environment: environment)
        XCTAssertEqual(ids.status, 0, ids.stderr)
        for id in ids.stdout.split(separator: "\n") {
            let inspect = try Tool.run("dockling", ["inspect", String(id)], environment: environment)
            XCTAssertEqual(inspect.status, 0, inspect.stderr)
            let object = (try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [[String: Any]])?.first
            let lower = ((object?["GraphDriver"] as? [String: Any])?["Data"] as? [String: String])?["LowerDir"] ?? ""
            for directory in lower.split(separator: ":") {
                XCTAssertTrue(FileManager.default.fileExists(atPath: "\(directory)/big"), "\(directory) is incomplete")
            }
            let saved = try Tool.run("dockling", ["save", "-o", "/dev/null", String(id)], environment: environment)
            XCTAssertEqual(saved.status, 0, "every blob of a listed image is there and intact: \(saved.stderr)")
        }
    }
}
