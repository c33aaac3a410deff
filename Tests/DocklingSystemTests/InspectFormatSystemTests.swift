import Foundation
import XCTest

/// `inspect -f` with the Go templates people use, over docker's HostConfig fields, and
/// the limits read from inside the container at /sys/fs/cgroup as in docker.
final class InspectFormatSystemTests: XCTestCase {
    private var store: SystemStore!
    private var cli: DocklingCLI { store.cli }

    override func setUpWithError() throws {
        store = try SystemStore("inspectf")
    }

    override func tearDownWithError() throws {
        try store?.clean()
    }

    func testTemplatesShowDockersFieldsAndRefuseBadTemplatesAsDockerDoes() throws {
        let arguments = ["run", "-d", "--name", "limited", "--memory", "64m", "-v", "data:/data", "busybox", "sleep", "60"]
        guard try cli.kernelEnforces("--memory", refusing: arguments, in: self) else { return }
        let started = try cli.run(arguments)
        XCTAssertEqual(started.status, 0, started.stderr)
        let id = started.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let expected = [
            "{{.HostConfig.Memory}}": "67108864",
            "{{.HostConfig.MemorySwap}}": "134217728",
            "{{.State.Status}}": "running",
            "{{.Id}}": id,
            "{{range .Mounts}}{{.Source}}{{end}}": store.root.path + "/volumes/data/_data",
            "{{index .Config.Labels \"k\"}}": "",
            "{{json .Config.Cmd}}": "[\"sleep\",\"60\"]",
            "{{upper .State.Status}} {{join .Config.Cmd \",\"}}": "RUNNING sleep,60",
        ]
        for (template, output) in expected {
            let shown = try cli.run(["inspect", "-f", template, "limited"])
            XCTAssertEqual(shown.status, 0, "\(template): \(shown.stderr)")
            XCTAssertEqual(shown.stdout, output + "\n", template)
        }
        XCTAssertEqual(try cli.run(["container", "inspect", "--format", "{{.Name}}", id]).stdout, "/limited\n")

        let unparsable = try cli.run(["inspect", "-f", "{{.State.Status", "limited"])
        XCTAssertEqual(unparsable.status, 64)
        XCTAssertEqual(unparsable.stderr, "template parsing error: template: :1: unclosed action\n")
        let unfitting = try cli.run(["inspect", "-f", "{{.State.Nothing}}", "limited"])
        XCTAssertEqual(unfitting.status, 1)
        XCTAssertEqual(unfitting.stderr, "template parsing error: template: :1:8: executing \"\" at <.State.Nothing>: "
                       + "map has no entry for key \"Nothing\"\n")
    }

    /// The file that holds the memory limit, as the container sees it: /sys/fs/cgroup
    /// mirrors the host's layout.
    private var memoryLimitFile: String? {
        guard let layout = KernelFeatures.layout, let owner = layout.owner(of: .memory) else { return nil }
        if owner == .v1 { return "/sys/fs/cgroup/memory/memory.limit_in_bytes" }
        guard let mount = KernelFeatures.cgroup2Mount else { return nil }
        return mount + "/memory.max"
    }

    func testTheContainerReadsItsOwnLimitsReadOnlyAtSysFsCgroup() throws {
        let arguments = ["run", "--rm", "--memory", "64m", "busybox", "true"]
        guard try cli.kernelEnforces("--memory", refusing: arguments, in: self) else { return }
        let file = try XCTUnwrap(memoryLimitFile, "a machine that enforces --memory has a memory controller")
        let read = try cli.run(["run", "--rm", "--memory", "64m", "busybox", "cat", file])
        XCTAssertEqual(read.status, 0, read.stderr)
        XCTAssertEqual(read.stdout, "67108864\n")

        let written = try cli.run(["run", "--rm", "busybox", "sh", "-c", "mkdir /sys/fs/cgroup/x || mkdir \((file as NSString).deletingLastPathComponent)/x"])
        XCTAssertNotEqual(written.status, 0, "read-only, as in docker")
        XCTAssertTrue(written.stderr.contains("Read-only file system"), written.stderr)
        let mounts = try cli.run(["run", "--rm", "busybox", "grep", " /sys/fs/cgroup", "/proc/self/mounts"])
        XCTAssertTrue(mounts.stdout.split(separator: "\n").allSatisfy { $0.split(separator: " ")[3].hasPrefix("ro,") },
                      mounts.stdout)
        let privileged = try cli.run(["run", "--rm", "--privileged", "busybox", "grep", " /sys/fs/cgroup", "/proc/self/mounts"])
        XCTAssertTrue(privileged.stdout.contains(" rw,"), "--privileged mounts them writable: \(privileged.stdout)")
    }
}
