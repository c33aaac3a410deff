@testable import DocklingCore
import Foundation
import XCTest

/// A limit this machine cannot enforce, and what dockling's refusal of it must say.
struct MissingFeature {
    /// Words of the refusal that name what is missing (a controller, a file).
    let names: String
    /// Words of the hint that follows.
    let hint: String
}

/// What the kernel under the tests offers, read from the kernel itself (mountinfo, the
/// cgroup tree, /sys/block, uname), never from dockling: a test asks here before it leans
/// on an optional feature, and where the feature is missing it expects dockling's clear
/// refusal instead — so the same suite passes on this kernel and on Debian's 6.1.
enum KernelFeatures {
    /// This process's cgroups, as dockling-cgroups (its child) finds them.
    static let layout: CgroupLayout? = try? CgroupLayout(
        mountinfo: String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8),
        procSelfCgroup: String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) {
        try? String(contentsOfFile: $0, encoding: .utf8)
    }

    /// The controller each limit flag needs.
    static let controllers: [String: CgroupController] = [
        "--memory": .memory, "--memory-swap": .memory, "--cpus": .cpu, "--cpu-shares": .cpu,
        "--pids-limit": .pids, "--blkio-weight": .blkio,
    ]

    /// What dockling must refuse about `flag` on this machine; nil when it can enforce it.
    static func missing(_ flag: String) -> MissingFeature? {
        guard let controller = controllers[flag] else { return nil }
        guard let layout, let owner = layout.owner(of: controller) else {
            return MissingFeature(names: "needs the \(controller.rawValue) controller", hint: "cgroup.subtree_control")
        }
        switch flag {
        case "--memory-swap":
            return swapAccounting(owner, layout) ? nil
                : MissingFeature(names: "--memory-swap needs swap accounting", hint: "swapaccount=1")
        case "--blkio-weight":
            return blkioWeight(owner) ? nil : MissingFeature(
                names: owner == .v1 ? "needs blkio.bfq.weight or blkio.weight" : "needs io.bfq.weight or io.weight",
                hint: "modprobe bfq")
        default:
            return nil
        }
    }

    /// The I/O schedulers the block devices offer (`[none] mq-deadline kyber bfq`).
    static var schedulers: Set<String> {
        let devices = (try? FileManager.default.contentsOfDirectory(atPath: "/sys/block")) ?? []
        return Set(devices.flatMap { device in
            ((try? String(contentsOfFile: "/sys/block/\(device)/queue/scheduler", encoding: .utf8)) ?? "")
                .split(whereSeparator: \.isWhitespace).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) }
        })
    }

    /// Weights need a scheduler that takes them: BFQ (blkio.bfq.weight, io.bfq.weight),
    /// CFQ before Linux 5.0 (blkio.weight), or on v2 the io.cost controller (io.weight),
    /// whose root-only io.cost.qos shows it is built in.
    private static func blkioWeight(_ owner: CgroupVersion) -> Bool {
        let scheduler = schedulers
        if scheduler.contains("bfq") { return true }
        if owner == .v1 { return scheduler.contains("cfq") }
        return cgroup2Mount.map { FileManager.default.fileExists(atPath: $0 + "/io.cost.qos") } ?? false
    }

    /// v1 shows memory.memsw.* in every memory cgroup, root too; v2 shows memory.swap.max
    /// in every cgroup but the root, unless the kernel was booted with swapaccount=0.
    private static func swapAccounting(_ owner: CgroupVersion, _ layout: CgroupLayout) -> Bool {
        if owner == .v1 {
            return layout.v1Directories[.memory].map { FileManager.default.fileExists(atPath: $0 + "/memory.memsw.limit_in_bytes") } ?? false
        }
        guard let parent = layout.v2Directory else { return false }
        if parent != cgroup2Mount { return FileManager.default.fileExists(atPath: parent + "/memory.swap.max") }
        let commandLine = (try? String(contentsOfFile: "/proc/cmdline", encoding: .utf8)) ?? ""
        return !commandLine.split(separator: " ").contains("swapaccount=0")
    }

    /// Where the unified (v2) hierarchy is mounted, if it is.
    static var cgroup2Mount: String? {
        let mountinfo = (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? ""
        return CgroupMount.parse(mountinfo: mountinfo).first { $0.version == .v2 }?.mountPoint
    }

    /// `--userns=remap` builds the union over idmapped layers given to overlayfs as
    /// detached mounts, which Linux supports from 6.15.
    static var idmappedOverlay: Bool {
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let parts = release.split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
        return parts.count == 2 && (parts[0], parts[1]) >= (6, 15)
    }
}

extension XCTestCase {
    /// Whether this machine can enforce `flag`; where it cannot, asserts dockling's refusal
    /// (exit 125, what is missing, the hint) of `arguments`, which use it.
    func kernelEnforces(_ flag: String, refusing arguments: [String], by tool: String = "dockling-cgroups",
                        environment: [String: String] = [:],
                        file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        guard let missing = KernelFeatures.missing(flag) else { return true }
        let refused = try Tool.run(tool, arguments, environment: environment)
        XCTAssertEqual(refused.status, 125, "\(flag) is refused here: \(refused.stderr)", file: file, line: line)
        XCTAssertTrue(refused.stderr.contains(missing.names) && refused.stderr.contains(missing.hint),
                      "the refusal names what is missing (\(missing.names)) and its hint (\(missing.hint)): \(refused.stderr)",
                      file: file, line: line)
        return false
    }
}

extension DocklingCLI {
    /// `kernelEnforces` for `dockling` in this store: a container's limits are refused as
    /// dockling-cgroups' are.
    func kernelEnforces(_ flag: String, refusing arguments: [String], in test: XCTestCase,
                        file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        try test.kernelEnforces(flag, refusing: arguments, by: "dockling", environment: root.environment, file: file, line: line)
    }
}

extension DocklingCLI {
    /// Whether this kernel runs `--userns=remap` (Linux 6.15: idmapped overlay layers). On
    /// one that cannot, the caller checks dockling's refusal and its hint instead.
    func remapRuns(file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        if KernelFeatures.idmappedOverlay { return true }
        try assertRemapRefused(file: file, line: line)
        return false
    }

    /// Where the kernel cannot build the union over idmapped layers, `--userns=remap` is
    /// refused with the version it needs; nothing is left of the attempt.
    func assertRemapRefused(file: StaticString = #filePath, line: UInt = #line) throws {
        let refused = try run(["run", "--rm", "--userns=remap", "busybox", "true"])
        XCTAssertEqual(refused.status, 125, refused.stderr, file: file, line: line)
        XCTAssertTrue(refused.stderr.contains("--userns=remap needs Linux 6.15 or later"), refused.stderr, file: file, line: line)
        XCTAssertEqual(try run(["ps", "-a", "-q"]).stdout, "", "no container is left of the attempt", file: file, line: line)
    }
}
