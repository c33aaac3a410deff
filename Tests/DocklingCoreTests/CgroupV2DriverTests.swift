@testable import DocklingCore
import XCTest

/// The v2 driver against a fake unified hierarchy that enforces the kernel's rules.
final class CgroupV2DriverTests: XCTestCase {
    let caller: pid_t = 4242
    let child: pid_t = 4_190_001
    let allLimits = CgroupLimits(memory: 64 << 20, cpuQuota: .init(quota: 50_000, period: 100_000),
                                 cpuShares: 512, pids: .limit(20), blkioWeight: 300)

    private func layout(_ tree: FakeCgroupTree, caller directory: String) -> CgroupLayout {
        let controllers = tree.file(directory + "/cgroup.controllers") ?? ""
        return CgroupLayout(kind: .v2Only, v1Directories: [:], v2Directory: directory,
                            v2Controllers: Set(controllers.split(whereSeparator: \.isWhitespace).map(String.init)))
    }

    private func session(_ tree: FakeCgroupTree, in directory: String,
                         limits: CgroupLimits) throws -> CgroupSession {
        try CgroupSession.create(name: "web", limits: limits, layout: layout(tree, caller: directory),
                                 kernel: tree, callerPID: caller)
    }

    /// The position of the first log entry that starts with `prefix`.
    private func step(_ tree: FakeCgroupTree, _ prefix: String,
                      file: StaticString = #filePath, line: UInt = #line) -> Int {
        guard let index = tree.log.firstIndex(where: { $0.hasPrefix(prefix) }) else {
            XCTFail("no '\(prefix)' in \(tree.log)", file: file, line: line)
            return -1
        }
        return index
    }

    func testWritesEachLimitIntoItsFileAndEnablesControllersInTheParent() throws {
        let tree = try FakeCgroupTree(.v2(controllers: ["cpu", "io", "memory", "pids"]))
        let run = try session(tree, in: tree.root, limits: allLimits)
        let cgroup = tree.root + "/dockling-web"
        XCTAssertEqual(run.directories, [cgroup])
        XCTAssertEqual(tree.file(tree.root + "/cgroup.subtree_control"), "cpu io memory pids\n")
        XCTAssertEqual(tree.file(cgroup + "/memory.max"), "67108864\n")
        XCTAssertEqual(tree.file(cgroup + "/memory.swap.max"), "67108864\n", "docker's default: as much swap as memory")
        XCTAssertEqual(tree.file(cgroup + "/cpu.max"), "50000 100000\n")
        XCTAssertEqual(tree.file(cgroup + "/cpu.weight"), "59\n")
        XCTAssertEqual(tree.file(cgroup + "/pids.max"), "20\n")
        XCTAssertEqual(tree.file(cgroup + "/io.weight"), "2930\n")
        XCTAssertLessThan(step(tree, "write \(tree.root)/cgroup.subtree_control"), step(tree, "mkdir \(cgroup)"))
        XCTAssertLessThan(step(tree, "mkdir \(cgroup)"), step(tree, "write \(cgroup)/memory.max"))
    }

    func testTheChildJoinsAndTheCgroupIsRemovedInOrder() throws {
        let tree = try FakeCgroupTree(.v2(controllers: ["cpu", "io", "memory", "pids"]))
        try tree.setFile(tree.root + "/cgroup.procs", "1\n\(caller)\n")
        let before = tree.snapshot()
        let run = try session(tree, in: tree.root, limits: allLimits)
        let cgroup = tree.root + "/dockling-web"
        try run.add(pid: child)
        XCTAssertEqual(tree.file(cgroup + "/cgroup.procs"), "\(child)\n")
        XCTAssertEqual(try run.killAll(), 1)
        XCTAssertEqual(tree.file(cgroup + "/cgroup.procs"), "")
        try run.remove()
        XCTAssertEqual(tree.snapshot(), before, "the tree is as dockling found it")
        let kill = step(tree, "write \(cgroup)/cgroup.kill 1")
        let rmdir = step(tree, "rmdir \(cgroup)")
        let disable = step(tree, "write \(tree.root)/cgroup.subtree_control -")
        XCTAssertLessThan(kill, rmdir, "every process is gone before rmdir")
        XCTAssertLessThan(rmdir, disable, "controllers go only after the cgroup that used them")
    }

    func testTheCallerMovesIntoALeafSoItsCgroupCanHandDownControllers() throws {
        let tree = try FakeCgroupTree(.v2(controllers: ["cpu", "io", "memory", "pids"]))
        try tree.makeNested("system.slice/dockling.scope", processes: [caller],
                            enable: ["cpu", "io", "memory", "pids"])
        let parent = tree.root + "/system.slice/dockling.scope"
        let before = tree.snapshot()
        let run = try session(tree, in: parent, limits: CgroupLimits(memory: 32 << 20, pids: .limit(10)))
        let leaf = parent + "/dockling-web-supervisor"
        XCTAssertEqual(tree.file(leaf + "/cgroup.procs"), "\(caller)\n", "dockling moved itself, and only itself")
        XCTAssertEqual(tree.file(parent + "/cgroup.procs"), "")
        XCTAssertEqual(tree.file(parent + "/cgroup.subtree_control"), "cpu memory pids\n")
        try run.add(pid: child)
        try run.killAll()
        try run.remove()
        XCTAssertEqual(tree.file(parent + "/cgroup.procs"), "\(caller)\n", "dockling is back where it started")
        XCTAssertEqual(tree.snapshot(), before)
        XCTAssertLessThan(step(tree, "write \(leaf)/cgroup.procs"), step(tree, "write \(parent)/cgroup.subtree_control +"))
        XCTAssertLessThan(step(tree, "rmdir \(parent)/dockling-web"), step(tree, "write \(parent)/cgroup.subtree_control -"))
        XCTAssertLessThan(step(tree, "write \(parent)/cgroup.subtree_control -"), step(tree, "write \(parent)/cgroup.procs"))
        XCTAssertLessThan(step(tree, "write \(parent)/cgroup.procs"), step(tree, "rmdir \(leaf)"))
    }

    func testRefusesToMoveProcessesThatAreNotDocklings() throws {
        let tree = try FakeCgroupTree(.v2(controllers: ["memory", "pids"]))
        try tree.makeNested("user.slice/session-2.scope", processes: [caller, 777], enable: ["memory", "pids"])
        let parent = tree.root + "/user.slice/session-2.scope"
        let before = tree.snapshot()
        XCTAssertThrowsError(try session(tree, in: parent, limits: CgroupLimits(memory: 32 << 20))) { error in
            XCTAssertTrue("\(error)".contains("777"), "\(error)")
            XCTAssertTrue("\(error)".contains("systemd-run --scope"), "\(error)")
        }
        XCTAssertEqual(tree.snapshot(), before, "nothing was created or moved")
        XCTAssertFalse(tree.log.contains { $0.hasPrefix("mkdir") || $0.hasPrefix("write") }, "\(tree.log)")
    }

    func testNeedsNoChangeWhenTheParentAlreadyHandsDownTheControllers() throws {
        let tree = try FakeCgroupTree(.v2(controllers: ["memory", "pids"]))
        try tree.write(tree.root + "/cgroup.subtree_control", "+memory +pids", note: "")
        let run = try session(tree, in: tree.root, limits: CgroupLimits(pids: .limit(5)))
        try run.remove()
        XCTAssertEqual(tree.log.filter { $0.contains("subtree_control") }.count, 1, "only the set-up wrote it: \(tree.log)")
        XCTAssertEqual(tree.file(tree.root + "/cgroup.subtree_control"), "memory pids\n")
    }

    func testAMissingControllerIsRefusedBeforeAnythingIsCreated() throws {
        let tree = try FakeCgroupTree(.v2(controllers: ["memory", "pids"]))
        XCTAssertThrowsError(try session(tree, in: tree.root, limits: CgroupLimits(blkioWeight: 300))) { error in
            XCTAssertTrue("\(error)".contains("--blkio-weight"), "\(error)")
        }
        XCTAssertTrue(tree.log.isEmpty, "\(tree.log)")
    }

    func testANameAlreadyTakenLeavesTheOtherRunAlone() throws {
        let tree = try FakeCgroupTree(.v2(controllers: ["memory"]))
        try tree.makeNested("dockling-web", processes: [4_190_009], enable: ["memory"])
        XCTAssertThrowsError(try session(tree, in: tree.root, limits: CgroupLimits(memory: 64 << 20))) { error in
            XCTAssertEqual((error as? CgroupError)?.errno, .EEXIST, "\(error)")
        }
        XCTAssertEqual(tree.file(tree.root + "/dockling-web/cgroup.procs"), "4190009\n")
        XCTAssertFalse(tree.log.contains { $0.hasPrefix("kill") || $0.hasPrefix("rmdir") || $0.contains("cgroup.kill") },
                       "\(tree.log)")
    }

    func testPrefersBFQsWeightFileWhenTheKernelHasIt() throws {
        let tree = try FakeCgroupTree(.v2(controllers: ["io"]))
        tree.extraFiles = ["io.bfq.weight": "default 100\n"]
        _ = try session(tree, in: tree.root, limits: CgroupLimits(blkioWeight: 300))
        XCTAssertEqual(tree.file(tree.root + "/dockling-web/io.bfq.weight"), "300\n")
        XCTAssertEqual(tree.file(tree.root + "/dockling-web/io.weight"), "default 100\n")
    }

    func testWithoutSwapAccountingAnExplicitSwapLimitFailsAndLeavesNothing() throws {
        let tree = try FakeCgroupTree(.v2(controllers: ["memory"]))
        tree.missingFiles = ["memory.swap.max"]
        let before = tree.snapshot()
        let limits = CgroupLimits(memory: 32 << 20, memorySwap: .total(64 << 20))
        XCTAssertThrowsError(try session(tree, in: tree.root, limits: limits)) { error in
            XCTAssertTrue("\(error)".contains("--memory-swap"), "\(error)")
        }
        XCTAssertEqual(tree.snapshot(), before)
    }

    func testWithoutSwapAccountingTheDefaultSwapLimitBecomesANote() throws {
        let tree = try FakeCgroupTree(.v2(controllers: ["memory"]))
        tree.missingFiles = ["memory.swap.max"]
        let run = try session(tree, in: tree.root, limits: CgroupLimits(memory: 32 << 20))
        XCTAssertEqual(run.notes.count, 1)
        XCTAssertTrue(run.notes[0].contains("does not account swap"), run.notes[0])
        try run.remove()
    }

    func testUnlimitedSwapAndPidsAreWrittenAsMax() throws {
        let tree = try FakeCgroupTree(.v2(controllers: ["memory", "pids"]))
        _ = try session(tree, in: tree.root, limits: CgroupLimits(memory: 32 << 20, memorySwap: .unlimited, pids: .unlimited))
        XCTAssertEqual(tree.file(tree.root + "/dockling-web/memory.swap.max"), "max\n")
        XCTAssertEqual(tree.file(tree.root + "/dockling-web/pids.max"), "max\n")
    }

    func testReadsWhatTheKernelCounted() throws {
        let tree = try FakeCgroupTree(.v2(controllers: ["cpu", "memory", "pids"]))
        let run = try session(tree, in: tree.root, limits: CgroupLimits())
        let cgroup = tree.root + "/dockling-web"
        try tree.setFile(cgroup + "/memory.peak", "33554432\n")
        try tree.setFile(cgroup + "/memory.events", "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\n")
        try tree.setFile(cgroup + "/cpu.stat", "usage_usec 400000\nnr_periods 20\nnr_throttled 19\nthrottled_usec 1600000\n")
        try tree.setFile(cgroup + "/pids.peak", "20\n")
        try tree.setFile(cgroup + "/pids.events", "max 3\n")
        let stats = run.stats()
        XCTAssertEqual(stats.memoryPeak, 33_554_432)
        XCTAssertEqual(stats.memoryLimitHits, 12)
        XCTAssertEqual(stats.oomKills, 1)
        XCTAssertEqual(stats.cpuTime, 400_000_000)
        XCTAssertEqual(stats.cpuPeriods, 20)
        XCTAssertEqual(stats.cpuThrottledPeriods, 19)
        XCTAssertEqual(stats.cpuThrottledTime, 1_600_000_000)
        XCTAssertEqual(stats.pidsPeak, 20)
        XCTAssertEqual(stats.forksRefused, 3)
    }

    func testConvertsSharesToWeightAsRuncAndCrunDo() {
        XCTAssertEqual(CgroupV2Driver.cpuWeight(shares: 2), 1)
        XCTAssertEqual(CgroupV2Driver.cpuWeight(shares: 512), 59)
        XCTAssertEqual(CgroupV2Driver.cpuWeight(shares: 1024), 100)
        XCTAssertEqual(CgroupV2Driver.cpuWeight(shares: 2048), 174)
        XCTAssertEqual(CgroupV2Driver.cpuWeight(shares: 262_144), 10_000)
    }

    func testConvertsBlkioWeightToIOWeightLinearly() {
        XCTAssertEqual(CgroupV2Driver.ioWeight(blkioWeight: 10), 1)
        XCTAssertEqual(CgroupV2Driver.ioWeight(blkioWeight: 500), 4950)
        XCTAssertEqual(CgroupV2Driver.ioWeight(blkioWeight: 1000), 10_000)
    }
}
