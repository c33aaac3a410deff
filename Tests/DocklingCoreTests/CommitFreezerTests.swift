import XCTest
@testable import DocklingCore

/// Pausing a container for a commit: finding its freezer from the process's cgroups,
/// freezing, waiting until the kernel says it is done, and always thawing.
final class CommitFreezerTests: XCTestCase {
    /// A cgroup freezer that, like the kernel's, takes a few reads to finish freezing.
    private final class FreezingKernel: CgroupKernel {
        var files: [String: String] = [:]
        var writes: [String] = []
        /// How many reads still say "not yet"; nil freezes never (a process stuck in the kernel).
        var readsUntilFrozen: Int? = 2
        private var frozenValue: String?

        func makeDirectory(_ path: String, note: String) throws(KernelError) {}
        func removeDirectory(_ path: String, note: String) throws(KernelError) {}
        func exists(_ path: String, note: String) -> Bool { true }
        func kill(_ pid: pid_t, _ signal: Int32, note: String) throws(KernelError) {}
        func pause(note: String) throws(KernelError) {}

        func write(_ path: String, _ value: String, note: String) throws(KernelError) {
            writes.append("\(Path.base(of: path))=\(value)")
            frozenValue = value == "FROZEN" || value == "1" ? value : nil
            files[path] = value == "FROZEN" ? "FREEZING\n" : value == "THAWED" ? "THAWED\n" : value
            if path.hasSuffix("cgroup.freeze") { files[Path.parent(of: path) + "/cgroup.events"] = "populated 1\nfrozen 0\n" }
        }

        func read(_ path: String) throws(KernelError) -> String {
            if frozenValue != nil, let left = readsUntilFrozen {
                if left == 0 {
                    files[path] = path.hasSuffix("freezer.state") ? "FROZEN\n" : "populated 1\nfrozen 1\n"
                } else {
                    readsUntilFrozen = left - 1
                }
            }
            return files[path] ?? ""
        }
    }

    private let mounts = """
    24 1 254:1 / / rw,relatime - ext4 /dev/vda rw
    36 31 0:33 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
    37 31 0:34 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
    41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
    """

    private func freezer(_ membership: String, kernel: FreezingKernel) throws -> CgroupFreezer? {
        let layout = try CgroupLayout(mountinfo: mounts, procSelfCgroup: membership) { _ in "\n" }
        return CgroupFreezer(layout: layout, cgroupName: "dockling-abc", kernel: kernel)
    }

    func testFindsTheContainersFreezerInTheV1HierarchyFirstThenInV2() throws {
        let kernel = FreezingKernel()
        let v1 = try XCTUnwrap(try freezer("6:freezer:/dockling-abc\n8:pids:/dockling-abc\n0::/\n", kernel: kernel))
        XCTAssertEqual(v1.version, .v1)
        XCTAssertEqual(v1.directory, "/sys/fs/cgroup/freezer/dockling-abc")
        let v2 = try XCTUnwrap(try freezer("6:freezer:/\n0::/user.slice/dockling-abc\n", kernel: kernel))
        XCTAssertEqual(v2.version, .v2)
        XCTAssertEqual(v2.directory, "/sys/fs/cgroup/unified/user.slice/dockling-abc")
        XCTAssertNil(try freezer("6:freezer:/\n8:pids:/dockling-abc\n0::/\n", kernel: kernel),
                     "a container started before dockling joined the freezer has none of its own")
    }

    func testTheBodyRunsFrozenAndTheContainerIsThawedAfterwardsEvenOnFailure() throws {
        for membership in ["6:freezer:/dockling-abc\n", "0::/dockling-abc\n"] {
            let kernel = FreezingKernel()
            let freezer = try XCTUnwrap(try freezer(membership, kernel: kernel))
            var sawFrozen = false
            XCTAssertThrowsError(try freezer.whileFrozen {
                sawFrozen = kernel.writes.last == "freezer.state=FROZEN" || kernel.writes.last == "cgroup.freeze=1"
                throw ImageError("the layer could not be written")
            })
            XCTAssertTrue(sawFrozen, membership)
            XCTAssertEqual(kernel.writes.count, 2, "\(kernel.writes)")
            XCTAssertTrue(["freezer.state=THAWED", "cgroup.freeze=0"].contains(kernel.writes.last!), "\(kernel.writes)")
            XCTAssertEqual(kernel.readsUntilFrozen, 0, "the freeze was awaited until the kernel said it was done")
        }
    }

    func testAFreezeThatNeverCompletesIsUndoneAndReported() throws {
        let kernel = FreezingKernel()
        kernel.readsUntilFrozen = nil
        let freezer = try XCTUnwrap(try freezer("6:freezer:/dockling-abc\n", kernel: kernel))
        var ran = false
        XCTAssertThrowsError(try freezer.whileFrozen { ran = true }) { error in
            XCTAssertTrue("\(error)".contains("did not all stop"), "\(error)")
        }
        XCTAssertFalse(ran, "nothing is copied from a container that is not frozen")
        XCTAssertEqual(kernel.writes, ["freezer.state=FROZEN", "freezer.state=THAWED"])
    }
}
