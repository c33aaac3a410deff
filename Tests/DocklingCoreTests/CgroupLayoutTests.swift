@testable import DocklingCore
import XCTest

/// Reading /proc/self/mountinfo and /proc/self/cgroup: pure text in, a layout out.
final class CgroupLayoutTests: XCTestCase {
    /// This machine's layout: v1 controllers, an empty v2 mount, the caller in a memory sub-cgroup.
    let hybridMounts = """
    24 1 254:1 / / rw,relatime - ext4 /dev/vda rw
    31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
    32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
    33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
    35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
    37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
    38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio
    39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
    40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
    41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
    """
    let hybridMembership = """
    9:name=systemd:/
    8:pids:/
    7:blkio:/
    6:freezer:/
    4:memory:/process_api/bfc6474a
    2:cpuacct:/
    1:cpu:/
    0::/
    """

    func testFindsEachV1ControllerBeneathTheCallersCgroupOnAHybridMachine() throws {
        let layout = try CgroupLayout(mountinfo: hybridMounts, procSelfCgroup: hybridMembership) { _ in "\n" }
        XCTAssertEqual(layout.kind, .hybrid)
        XCTAssertEqual(layout.v1Directories[.memory], "/sys/fs/cgroup/memory/process_api/bfc6474a")
        XCTAssertEqual(layout.v1Directories[.cpu], "/sys/fs/cgroup/cpu")
        XCTAssertEqual(layout.v1Directories[.pids], "/sys/fs/cgroup/pids")
        XCTAssertEqual(layout.v2Directory, "/sys/fs/cgroup/unified")
        for controller in CgroupController.allCases {
            XCTAssertEqual(layout.owner(of: controller), .v1, "\(controller) is v1's here")
        }
    }

    func testOnV2OnlyTheControllersComeFromTheCallersCgroupControllersFile() throws {
        let mounts = "30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate"
        var asked: [String] = []
        let layout = try CgroupLayout(mountinfo: mounts, procSelfCgroup: "0::/user.slice/session-2.scope\n") { path in
            asked.append(path)
            return "cpu memory pids\n"
        }
        XCTAssertEqual(layout.kind, .v2Only)
        XCTAssertEqual(layout.v2Directory, "/sys/fs/cgroup/user.slice/session-2.scope")
        XCTAssertEqual(asked, ["/sys/fs/cgroup/user.slice/session-2.scope/cgroup.controllers"])
        XCTAssertEqual(layout.owner(of: .memory), .v2)
        XCTAssertEqual(layout.owner(of: .cpuacct), .v2, "v2 counts CPU time in every cgroup")
        XCTAssertNil(layout.owner(of: .blkio), "io is not offered to this cgroup")
    }

    func testCoMountedControllersShareOneDirectoryOnV1Only() throws {
        let mounts = """
        25 20 0:22 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct
        26 20 0:23 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory,clone_children
        """
        let layout = try CgroupLayout(mountinfo: mounts,
                                      procSelfCgroup: "3:cpu,cpuacct:/user.slice\n2:memory:/user.slice\n") { _ in nil }
        XCTAssertEqual(layout.kind, .v1Only)
        XCTAssertEqual(layout.v1Directories[.cpu], "/sys/fs/cgroup/cpu,cpuacct/user.slice")
        XCTAssertEqual(layout.v1Directories[.cpuacct], "/sys/fs/cgroup/cpu,cpuacct/user.slice")
        XCTAssertEqual(layout.v1Directories[.memory], "/sys/fs/cgroup/memory/user.slice")
        XCTAssertNil(layout.owner(of: .pids))
    }

    func testAMountOfASubtreeMapsTheCallersPathBelowItsRoot() {
        let mount = CgroupMount(version: .v1, mountPoint: "/sys/fs/cgroup/memory", root: "/docker/abc", controllers: ["memory"])
        XCTAssertEqual(mount.directory(of: "/docker/abc"), "/sys/fs/cgroup/memory")
        XCTAssertEqual(mount.directory(of: "/docker/abc/sub"), "/sys/fs/cgroup/memory/sub")
        XCTAssertNil(mount.directory(of: "/docker/abcdef"), "a sibling whose name merely starts the same")
        XCTAssertNil(mount.directory(of: "/other"))
    }

    /// U+0301 after a slash joins it into one Swift Character; the cgroup is still a child.
    func testACgroupWhoseNameStartsWithACombiningMarkIsBelowTheRoot() {
        let mount = CgroupMount(version: .v1, mountPoint: "/sys/fs/cgroup/memory", root: "/docker/abc", controllers: ["memory"])
        XCTAssertEqual(mount.directory(of: "/docker/abc/\u{301}sub"), "/sys/fs/cgroup/memory/\u{301}sub")
    }

    func testMountinfoEscapesAndOptionalFields() {
        let line = "41 31 0:38 / /mnt/my\\040cgroups rw,relatime shared:9 master:2 - cgroup cgroup rw,pids,xattr"
        XCTAssertEqual(CgroupMount.parse(mountinfo: line),
                       [CgroupMount(version: .v1, mountPoint: "/mnt/my cgroups", root: "/", controllers: ["pids"])])
    }

    func testProcCgroupPathsMayContainColons() {
        XCTAssertEqual(CgroupMembership.parse("0::/a:b\n5:cpu,cpuacct:/x\n"), [
            CgroupMembership(hierarchyID: 0, controllers: [], path: "/a:b"),
            CgroupMembership(hierarchyID: 5, controllers: ["cpu", "cpuacct"], path: "/x"),
        ])
    }

    func testNoCgroupFilesystemIsAnError() {
        XCTAssertThrowsError(try CgroupLayout(mountinfo: "24 1 254:1 / / rw - ext4 /dev/vda rw",
                                              procSelfCgroup: "0::/\n") { _ in nil })
    }
}
