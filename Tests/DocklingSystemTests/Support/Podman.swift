import Foundation
import XCTest

/// podman with private storage under a test's folder, set up for this machine: cgroupfs
/// (the cgroups are hybrid), no default ulimits (refused here), no events journal, and a
/// run root short enough for podman. `remove()` takes away everything it made.
final class PrivatePodman {
    private let work: String
    /// podman refuses a run root longer than 50 characters, so it gets a short one.
    private let runRoot = "/tmp/dlpod-\(UUID().uuidString.prefix(8))"
    /// podman makes these whatever it is told; they go again if they were not there.
    private let runDirectories = ["/run/containers/networks", "/run/containers"]
    private let preexisting: [String]

    /// Skips the test (saying why) unless podman can run here.
    init(work: String) throws {
        try Tool.requireRoot()
        try Tool.requireProgram("podman", package: "podman")
        self.work = work
        try Data("[containers]\ndefault_ulimits = []\n".utf8).write(to: URL(fileURLWithPath: work + "/containers.conf"))
        preexisting = runDirectories.filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// Runs podman and fails the test if it fails.
    @discardableResult
    func run(_ arguments: [String]) throws -> ToolResult {
        let result = try Tool.exec("/usr/bin/env", ["podman", "--root", work + "/podman-root", "--runroot", runRoot,
                                                    "--tmpdir", work + "/podman-tmp",
                                                    "--network-config-dir", work + "/podman-net",
                                                    "--events-backend", "none", "--storage-driver", "vfs",
                                                    "--cgroup-manager=cgroupfs"] + arguments,
                                   environment: ["CONTAINERS_CONF": work + "/containers.conf"])
        XCTAssertEqual(result.status, 0, "podman \(arguments): \(result.stderr)")
        return result
    }

    /// Removes podman's images, its run root and the run folders it made; its storage
    /// goes with the test's folder.
    func remove() {
        _ = try? run(["rmi", "--all", "--force"])
        try? FileManager.default.removeItem(atPath: runRoot)
        for directory in runDirectories where !preexisting.contains(directory) {
            rmdir(directory)  // only if empty: never anything another user of podman put there
        }
    }
}
