@testable import DocklingCore
import Foundation
import XCTest

/// A cgroup tree in a temporary directory that behaves as the kernel's cgroupfs does,
/// as far as dockling's drivers can tell: mkdir fills a new cgroup with its interface
/// files, writes are parsed, and the kernel's rules are enforced with the kernel's errnos.
/// Every operation is logged, so tests can check the order of what a driver did.
final class FakeCgroupTree: CgroupKernel {
    enum Layout {
        /// One unified hierarchy at the root, offering these controllers.
        case v2(controllers: [String])
        /// v1 hierarchies, one folder each at the root, named after their controllers.
        case v1(hierarchies: [String])
    }

    let root: String
    let layout: Layout
    /// Files a new cgroup gets beyond the ones the layout gives, or nil to leave one out.
    var extraFiles: [String: String] = [:]
    var missingFiles: Set<String> = []
    private(set) var log: [String] = []

    init(_ layout: Layout) throws {
        self.layout = layout
        root = NSTemporaryDirectory() + "fake-cgroupfs-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        switch layout {
        case .v2(let controllers):
            try populateRoot(root, controllers: controllers)
        case .v1(let hierarchies):
            for hierarchy in hierarchies {
                try FileManager.default.createDirectory(atPath: root + "/" + hierarchy, withIntermediateDirectories: false)
                try populateRoot(root + "/" + hierarchy, controllers: [])
            }
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    // MARK: Set-up that bypasses the rules, as booting a machine would.

    /// Creates nested cgroups with the given processes, enabling the controllers
    /// along the way, such as `user.slice/session.scope` holding pid 4242.
    func makeNested(_ relative: String, processes: [pid_t], enable controllers: [String]) throws {
        var path = root
        for part in relative.split(separator: "/") {
            try setFile(path + "/cgroup.subtree_control", controllers.joined(separator: " "))
            path += "/" + part
            if !FileManager.default.fileExists(atPath: path) { try create(path) }
        }
        try setFile(path + "/cgroup.procs", processes.map { "\($0)\n" }.joined())
        try setFile(path + "/cgroup.events", "populated \(processes.isEmpty ? 0 : 1)\nfrozen 0\n")
        try setFile(root + "/cgroup.procs", "1\n")
    }

    func setFile(_ path: String, _ text: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    func file(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// Every path under the root with its contents: equal snapshots mean nothing was left behind.
    func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            result[relative] = file(root + "/" + relative) ?? "<dir>"
        }
        return result
    }

    // MARK: CgroupKernel

    func makeDirectory(_ path: String, note: String) throws(KernelError) {
        log.append("mkdir \(path)")
        guard FileManager.default.fileExists(atPath: Path.parent(of: path)) else { throw fail("mkdir", path, .ENOENT) }
        guard !FileManager.default.fileExists(atPath: path) else { throw fail("mkdir", path, .EEXIST) }
        do { try create(path) } catch { throw fail("mkdir", path, .EINVAL) }
    }

    func removeDirectory(_ path: String, note: String) throws(KernelError) {
        log.append("rmdir \(path)")
        let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let hasChild = children.contains { isDirectory(path + "/" + $0) }
        guard !hasChild, pids(path).isEmpty else { throw fail("rmdir", path, .EBUSY) }
        try? FileManager.default.removeItem(atPath: path)
        adjustDescendants(of: path, by: -1)
    }

    func write(_ path: String, _ value: String, note: String) throws(KernelError) {
        log.append("write \(path) \(value)")
        guard FileManager.default.fileExists(atPath: path) else { throw fail("openat", path, .ENOENT) }
        let cgroup = Path.parent(of: path)
        switch Path.base(of: path) {
        case "cgroup.procs": try moveProcess(value, into: cgroup)
        case "cgroup.subtree_control": try changeSubtreeControl(cgroup, value)
        case "cgroup.kill": killAll(under: cgroup)
        default: try? setFile(path, value + "\n")
        }
    }

    func read(_ path: String) throws(KernelError) -> String {
        guard let text = file(path) else { throw fail("openat", path, .ENOENT) }
        return text
    }

    func exists(_ path: String, note: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    func kill(_ pid: pid_t, _ signal: Int32, note: String) throws(KernelError) {
        log.append("kill \(pid)")
        for cgroup in allCgroups() where pids(cgroup).contains(pid) {
            try? setFile(cgroup + "/cgroup.procs", pids(cgroup).filter { $0 != pid }.map { "\($0)\n" }.joined())
        }
    }

    func pause(note: String) throws(KernelError) {}

    // MARK: The kernel's behaviour

    private func create(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        var files = ["cgroup.procs": "", "notify_on_release": "0\n"]
        switch layout {
        case .v2:
            let enabled = words(Path.parent(of: path) + "/cgroup.subtree_control")
            files = ["cgroup.procs": "", "cgroup.type": "domain\n", "cgroup.subtree_control": "",
                     "cgroup.controllers": enabled.joined(separator: " ") + "\n", "cgroup.kill": "",
                     "cgroup.events": "populated 0\nfrozen 0\n",
                     "cgroup.stat": "nr_descendants 0\nnr_dying_descendants 0\n",
                     "cpu.stat": "usage_usec 0\nuser_usec 0\nsystem_usec 0\n"]
            for controller in enabled { files.merge(Self.v2Files[controller] ?? [:]) { $1 } }
        case .v1:
            let hierarchy = String(path.dropFirst(root.count + 1).prefix { $0 != "/" })
            for controller in hierarchy.split(separator: ",") {
                files.merge(Self.v1Files[String(controller)] ?? [:]) { $1 }
            }
        }
        files.merge(extraFiles) { $1 }
        for (name, text) in files where !missingFiles.contains(name) { try setFile(path + "/" + name, text) }
        adjustDescendants(of: path, by: 1)
    }

    private func populateRoot(_ path: String, controllers: [String]) throws {
        try setFile(path + "/cgroup.procs", "1\n")
        if case .v2 = layout {
            try setFile(path + "/cgroup.controllers", controllers.joined(separator: " ") + "\n")
            try setFile(path + "/cgroup.subtree_control", "")
            try setFile(path + "/cgroup.stat", "nr_descendants 0\nnr_dying_descendants 0\n")
        }
    }

    private func moveProcess(_ value: String, into cgroup: String) throws(KernelError) {
        guard let pid = pid_t(value) else { throw fail("write", cgroup, .EINVAL) }
        if case .v2 = layout, !isRoot(cgroup), !words(cgroup + "/cgroup.subtree_control").isEmpty {
            throw fail("write", cgroup + "/cgroup.procs", .EBUSY)   // no internal processes
        }
        for other in hierarchyCgroups(of: cgroup) where pids(other).contains(pid) {
            try? setFile(other + "/cgroup.procs", pids(other).filter { $0 != pid }.map { "\($0)\n" }.joined())
        }
        try? setFile(cgroup + "/cgroup.procs", (pids(cgroup) + [pid]).map { "\($0)\n" }.joined())
        if FileManager.default.fileExists(atPath: cgroup + "/cgroup.events") {
            try? setFile(cgroup + "/cgroup.events", "populated 1\nfrozen 0\n")
        }
    }

    private func changeSubtreeControl(_ cgroup: String, _ value: String) throws(KernelError) {
        if !isRoot(cgroup), !pids(cgroup).isEmpty {
            throw fail("write", cgroup + "/cgroup.subtree_control", .EBUSY)   // no internal processes
        }
        var enabled = Set(words(cgroup + "/cgroup.subtree_control"))
        let available = Set(words(cgroup + "/cgroup.controllers"))
        for token in value.split(separator: " ") {
            let name = String(token.dropFirst())
            guard available.contains(name) else { throw fail("write", cgroup + "/cgroup.subtree_control", .ENOENT) }
            if token.hasPrefix("+") { enabled.insert(name) } else { enabled.remove(name) }
        }
        try? setFile(cgroup + "/cgroup.subtree_control", enabled.sorted().joined(separator: " ") + (enabled.isEmpty ? "" : "\n"))
    }

    private func killAll(under cgroup: String) {
        for other in allCgroups() where other == cgroup || other.hasPrefix(cgroup + "/") {
            try? setFile(other + "/cgroup.procs", "")
            try? setFile(other + "/cgroup.events", "populated 0\nfrozen 0\n")
        }
    }

    private func adjustDescendants(of path: String, by delta: Int) {
        var ancestor = Path.parent(of: path)
        while ancestor.hasPrefix(root) {
            let statFile = ancestor + "/cgroup.stat"
            if let count = CgroupStats.keyedValues(file(statFile) ?? "")["nr_descendants"] {
                try? setFile(statFile, "nr_descendants \(Int(count) + delta)\nnr_dying_descendants 0\n")
            }
            ancestor = Path.parent(of: ancestor)
        }
    }

    private func isRoot(_ cgroup: String) -> Bool { !FileManager.default.fileExists(atPath: cgroup + "/cgroup.type") }

    private func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    private func pids(_ cgroup: String) -> [pid_t] {
        (file(cgroup + "/cgroup.procs") ?? "").split(separator: "\n").compactMap { pid_t($0) }
    }

    private func words(_ path: String) -> [String] {
        (file(path) ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
    }

    private func allCgroups() -> [String] {
        [root] + snapshot().filter { $0.value == "<dir>" }.keys.map { root + "/" + $0 }
    }

    /// The cgroups a process can be in at once: v2 has one tree, v1 one per hierarchy.
    private func hierarchyCgroups(of cgroup: String) -> [String] {
        guard case .v1 = layout else { return allCgroups() }
        let hierarchy = root + "/" + cgroup.dropFirst(root.count + 1).prefix { $0 != "/" }
        return allCgroups().filter { $0 == hierarchy || $0.hasPrefix(hierarchy + "/") }
    }

    private func fail(_ call: String, _ path: String, _ errno: Errno) -> KernelError {
        KernelError(call: "\(call)(\"\(path)\")", errno: errno)
    }

    static let v2Files: [String: [String: String]] = [
        "memory": ["memory.max": "max\n", "memory.swap.max": "max\n", "memory.peak": "0\n",
                   "memory.events": "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n"],
        "cpu": ["cpu.max": "max 100000\n", "cpu.weight": "100\n"],
        "pids": ["pids.max": "max\n", "pids.current": "0\n", "pids.peak": "0\n", "pids.events": "max 0\n"],
        "io": ["io.weight": "default 100\n"],
    ]

    static let v1Files: [String: [String: String]] = [
        "memory": ["memory.limit_in_bytes": "9223372036854771712\n", "memory.memsw.limit_in_bytes": "9223372036854771712\n",
                   "memory.max_usage_in_bytes": "0\n", "memory.failcnt": "0\n",
                   "memory.oom_control": "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n"],
        "cpu": ["cpu.cfs_period_us": "100000\n", "cpu.cfs_quota_us": "-1\n", "cpu.shares": "1024\n",
                "cpu.stat": "nr_periods 0\nnr_throttled 0\nthrottled_time 0\n"],
        "cpuacct": ["cpuacct.usage": "0\n"],
        "pids": ["pids.max": "max\n", "pids.current": "0\n", "pids.peak": "0\n", "pids.events": "max 0\n"],
        "blkio": ["blkio.bfq.weight": "100\n"],
    ]
}

/// The fake must refuse what the kernel refuses, or the driver tests prove nothing.
final class CgroupFakeTreeTests: XCTestCase {
    func testRefusesControllersForAChildWhileHoldingProcesses() throws {
        let tree = try FakeCgroupTree(.v2(controllers: ["memory", "pids"]))
        try tree.makeNested("app.slice", processes: [99], enable: ["memory", "pids"])
        XCTAssertThrowsError(try tree.write(tree.root + "/app.slice/cgroup.subtree_control", "+memory", note: "")) {
            XCTAssertEqual(($0 as? KernelError)?.errno, .EBUSY)
        }
    }

    func testRefusesProcessesInACgroupThatHandsDownControllers() throws {
        let tree = try FakeCgroupTree(.v2(controllers: ["memory"]))
        try tree.makeNested("app.slice", processes: [], enable: ["memory"])
        try tree.write(tree.root + "/app.slice/cgroup.subtree_control", "+memory", note: "")
        XCTAssertThrowsError(try tree.write(tree.root + "/app.slice/cgroup.procs", "99", note: "")) {
            XCTAssertEqual(($0 as? KernelError)?.errno, .EBUSY)
        }
    }

    func testRefusesToRemoveACgroupWithProcessesOrChildren() throws {
        let tree = try FakeCgroupTree(.v2(controllers: []))
        try tree.makeNested("a/b", processes: [99], enable: [])
        XCTAssertThrowsError(try tree.removeDirectory(tree.root + "/a/b", note: ""))
        XCTAssertThrowsError(try tree.removeDirectory(tree.root + "/a", note: ""))
        try tree.kill(99, 9, note: "")
        try tree.removeDirectory(tree.root + "/a/b", note: "")
        try tree.removeDirectory(tree.root + "/a", note: "")
    }

    func testNewCgroupsGetTheFilesOfTheControllersTheirParentEnabled() throws {
        let tree = try FakeCgroupTree(.v2(controllers: ["memory", "pids"]))
        try tree.write(tree.root + "/cgroup.subtree_control", "+pids", note: "")
        try tree.makeDirectory(tree.root + "/run", note: "")
        XCTAssertNotNil(tree.file(tree.root + "/run/pids.max"))
        XCTAssertNil(tree.file(tree.root + "/run/memory.max"))
        XCTAssertEqual(tree.file(tree.root + "/run/cgroup.controllers"), "pids\n")
    }
}
