@testable import DocklingCore
import XCTest

/// The v1 driver against fake per-controller hierarchies, cpu and cpuacct co-mounted.
final class CgroupV1DriverTests: XCTestCase {
    let child: pid_t = 4_190_001

    private func layout(_ tree: FakeCgroupTree) -> CgroupLayout {
        let cpu = tree.root + "/cpu,cpuacct"
        return CgroupLayout(kind: .hybrid,
                            v1Directories: [.memory: tree.root + "/memory/process_api", .cpu: cpu, .cpuacct: cpu,
                                            .pids: tree.root + "/pids", .blkio: tree.root + "/blkio",
                                            .freezer: tree.root + "/freezer"],
                            v2Directory: tree.root + "/unified", v2Controllers: [])
    }

    private func makeTree() throws -> FakeCgroupTree {
        let tree = try FakeCgroupTree(.v1(hierarchies: ["memory", "cpu,cpuacct", "pids", "blkio", "freezer", "unified"]))
        try tree.makeDirectory(tree.root + "/memory/process_api", note: "")
        return tree
    }

    private func session(_ tree: FakeCgroupTree, _ limits: CgroupLimits) throws -> CgroupSession {
        try CgroupSession.create(name: "web", limits: limits, layout: layout(tree), kernel: tree, callerPID: 4242)
    }

    func testCreatesOneCgroupPerHierarchyBeneathTheCallersOwn() throws {
        let tree = try makeTree()
        let run = try session(tree, CgroupLimits(memory: 64 << 20))
        XCTAssertEqual(run.directories, [tree.root + "/memory/process_api/dockling-web",
                                         tree.root + "/cpu,cpuacct/dockling-web",
                                         tree.root + "/pids/dockling-web",
                                         tree.root + "/freezer/dockling-web"],
                       "co-mounted cpu,cpuacct shares one directory; blkio is joined only for a limit; the freezer "
                       + "always, so that commit can pause the container; v2 holds nothing")
        try run.remove()
    }

    func testWritesEachLimitIntoItsFileInAnOrderTheKernelAccepts() throws {
        let tree = try makeTree()
        let limits = CgroupLimits(memory: 64 << 20, memorySwap: .total(96 << 20), cpuQuota: .init(quota: 20_000, period: 100_000),
                                  cpuShares: 512, pids: .limit(20), blkioWeight: 300)
        let run = try session(tree, limits)
        let memory = tree.root + "/memory/process_api/dockling-web"
        let cpu = tree.root + "/cpu,cpuacct/dockling-web"
        XCTAssertEqual(tree.file(memory + "/memory.limit_in_bytes"), "67108864\n")
        XCTAssertEqual(tree.file(memory + "/memory.memsw.limit_in_bytes"), "100663296\n")
        XCTAssertEqual(tree.file(cpu + "/cpu.cfs_period_us"), "100000\n")
        XCTAssertEqual(tree.file(cpu + "/cpu.cfs_quota_us"), "20000\n")
        XCTAssertEqual(tree.file(cpu + "/cpu.shares"), "512\n")
        XCTAssertEqual(tree.file(tree.root + "/pids/dockling-web/pids.max"), "20\n")
        XCTAssertEqual(tree.file(tree.root + "/blkio/dockling-web/blkio.bfq.weight"), "300\n")
        let writes = tree.log.filter { $0.hasPrefix("write") }
        XCTAssertLessThan(writes.firstIndex { $0.contains("memory.limit_in_bytes") }!,
                          writes.firstIndex { $0.contains("memory.memsw.limit_in_bytes") }!,
                          "memsw may never be below the memory limit")
        XCTAssertLessThan(writes.firstIndex { $0.contains("cfs_period_us") }!, writes.firstIndex { $0.contains("cfs_quota_us") }!)
        try run.remove()
    }

    func testTheChildJoinsEveryHierarchyAndEveryProcessIsKilledBeforeRemoval() throws {
        let tree = try makeTree()
        let before = tree.snapshot()
        let run = try session(tree, CgroupLimits(pids: .limit(20)))
        try run.add(pid: child)
        for directory in run.directories {
            XCTAssertEqual(tree.file(directory + "/cgroup.procs"), "\(child)\n")
        }
        try tree.setFile(tree.root + "/pids/dockling-web/cgroup.procs", "\(child)\n4190002\n")   // a grandchild
        try tree.setFile(tree.root + "/memory/process_api/dockling-web/cgroup.procs", "\(child)\n4190002\n")
        XCTAssertEqual(try run.killAll(), 2)
        try run.remove()
        XCTAssertEqual(tree.snapshot(), before)
        let lastKill = tree.log.lastIndex { $0.hasPrefix("kill") }!
        let firstRmdir = tree.log.firstIndex { $0.hasPrefix("rmdir") }!
        XCTAssertLessThan(lastKill, firstRmdir)
    }

    func testAFailedLimitRemovesWhatWasCreated() throws {
        let tree = try makeTree()
        tree.missingFiles = ["blkio.bfq.weight"]
        let before = tree.snapshot()
        XCTAssertThrowsError(try session(tree, CgroupLimits(memory: 64 << 20, blkioWeight: 300))) { error in
            XCTAssertTrue("\(error)".contains("--blkio-weight"), "\(error)")
        }
        XCTAssertEqual(tree.snapshot(), before)
    }

    func testANameAlreadyTakenLeavesTheOtherRunAlone() throws {
        let tree = try makeTree()
        let other = tree.root + "/memory/process_api/dockling-web"
        try tree.makeDirectory(other, note: "")
        try tree.setFile(other + "/cgroup.procs", "4190009\n")
        XCTAssertThrowsError(try session(tree, CgroupLimits(memory: 64 << 20))) { error in
            XCTAssertEqual((error as? CgroupError)?.errno, .EEXIST, "\(error)")
        }
        XCTAssertEqual(tree.file(other + "/cgroup.procs"), "4190009\n", "the other run's process was not touched")
        XCTAssertFalse(tree.log.contains { $0.hasPrefix("kill") || $0.hasPrefix("rmdir") }, "\(tree.log)")
    }

    func testReadsWhatTheKernelCounted() throws {
        let tree = try makeTree()
        let run = try session(tree, CgroupLimits())
        let memory = tree.root + "/memory/process_api/dockling-web"
        let cpu = tree.root + "/cpu,cpuacct/dockling-web"
        try tree.setFile(memory + "/memory.max_usage_in_bytes", "33554432\n")
        try tree.setFile(memory + "/memory.failcnt", "165\n")
        try tree.setFile(memory + "/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n")
        try tree.setFile(cpu + "/cpuacct.usage", "420000000\n")
        try tree.setFile(cpu + "/cpu.stat", "nr_periods 21\nnr_throttled 20\nthrottled_time 1590000000\n")
        try tree.setFile(tree.root + "/pids/dockling-web/pids.peak", "20\n")
        let stats = run.stats()
        XCTAssertEqual(stats.memoryPeak, 33_554_432)
        XCTAssertEqual(stats.memoryLimitHits, 165)
        XCTAssertEqual(stats.oomKills, 1)
        XCTAssertEqual(stats.cpuTime, 420_000_000)
        XCTAssertEqual(stats.cpuPeriods, 21)
        XCTAssertEqual(stats.cpuThrottledPeriods, 20)
        XCTAssertEqual(stats.cpuThrottledTime, 1_590_000_000)
        XCTAssertEqual(stats.pidsPeak, 20)
        XCTAssertEqual(stats.forksRefused, 0)
        try run.remove()
    }

    func testRefusesANameThatCouldLeaveTheCallersCgroup() throws {
        let tree = try makeTree()
        let steps = tree.log.count
        for name in ["../escape", "a/b", "", ".hidden"] {
            XCTAssertThrowsError(try CgroupSession.create(name: name, limits: CgroupLimits(), layout: layout(tree),
                                                          kernel: tree, callerPID: 1), name)
        }
        XCTAssertEqual(tree.log.count, steps, "nothing was touched: \(tree.log)")
    }
}
