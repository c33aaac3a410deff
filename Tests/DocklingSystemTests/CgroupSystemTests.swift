@testable import DocklingCore
import Foundation
import XCTest

/// dockling-cgroups on the real kernel: each limit enforced, the report true, the trace
/// true, and no cgroup left behind after any run.
final class CgroupSystemTests: XCTestCase {
    /// The cgroups this test process is in: dockling-cgroups, its child, creates beneath them.
    private var parents: [String] = []
    /// dockling-cgroups runs' cgroups that were there before the test: another run's, not ours.
    private var before: Set<String> = []

    override func setUpWithError() throws {
        try Tool.requireRoot()
        let layout = try XCTUnwrap(KernelFeatures.layout, "this process's cgroups, from /proc/self")
        parents = Array(Set(layout.v1Directories.values)) + (layout.v2Directory.map { [$0] } ?? [])
        before = Set(leftovers())
    }

    override func tearDown() {
        XCTAssertEqual(leftovers().filter { !before.contains($0) }, [], "a cgroup dockling made is still there")
    }

    /// Every `dockling-<name>` cgroup of a dockling-cgroups run beneath the caller's
    /// cgroup, in every hierarchy. A store container's cgroup is named after its 64-digit
    /// id: those belong to whatever else runs containers on this machine, not to this test.
    private func leftovers() -> [String] {
        parents.flatMap { parent in
            ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [])
                .filter { $0.hasPrefix("dockling-") && !ContainerID.isValid(String($0.dropFirst(9).prefix(64))) }
                .map { parent + "/" + $0 }
        }
    }

    func testAMemoryHogIsKilledAtItsLimitAndDocklingSaysSo() throws {
        // The shell keeps 100 MB of output in a variable: three times the limit.
        let arguments = ["--memory", "32m", "--", "sh", "-c", "x=$(head -c 100000000 /dev/zero | tr '\\0' a); echo survived"]
        guard try kernelEnforces("--memory", refusing: arguments) else { return }
        let result = try Tool.run("dockling-cgroups", arguments)
        XCTAssertEqual(result.status, 137, result.stderr)
        XCTAssertEqual(result.stdout, "", "the hog never got past its allocation")
        XCTAssertTrue(result.stderr.contains("  OOM killer:       fired"), result.stderr)
        XCTAssertTrue(result.stderr.contains("dockling-cgroups: the OOM killer ended the command: it needed more than its 32.0 MiB memory limit"),
                      result.stderr)
        let peak = try XCTUnwrap(number(after: "memory peak:", in: result.stderr))
        XCTAssertLessThanOrEqual(peak, 32.0, "memory use never passed the limit")
    }

    func testTheSameHogSurvivesWithRoomToSpare() throws {
        let arguments = ["--memory", "512m", "--", "sh", "-c", "x=$(head -c 100000000 /dev/zero | tr '\\0' a); echo survived"]
        guard try kernelEnforces("--memory", refusing: arguments) else { return }
        let result = try Tool.run("dockling-cgroups", arguments)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "survived\n")
        XCTAssertTrue(result.stderr.contains("  OOM killer:       did not fire"), result.stderr)
    }

    func testAForkLoopIsStoppedAtItsPidsLimit() throws {
        // Without the limit this loop forks until the machine runs out of pids.
        let arguments = ["--pids-limit", "20", "--", "sh", "-c", "while true; do sleep 10 & done"]
        guard try kernelEnforces("--pids-limit", refusing: arguments) else { return }
        let result = try Tool.run("dockling-cgroups", arguments)
        XCTAssertNotEqual(result.status, 0, "the shell gives up when fork fails")
        XCTAssertTrue(result.stderr.contains("Cannot fork") || result.stderr.contains("fork"), result.stderr)
        XCTAssertTrue(result.stderr.contains("  processes peak:   20 (limit 20)\n"), result.stderr)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(number(after: "forks refused:", in: result.stderr)), 1)
        XCTAssertTrue(result.stderr.contains("  left running:     19 processes"), "the sleeps were killed: \(result.stderr)")
    }

    func testABusyLoopIsHeldToAFifthOfACPU() throws {
        let arguments = ["--cpus", "0.2", "--", "timeout", "2", "sh", "-c", "while :; do :; done"]
        guard try kernelEnforces("--cpus", refusing: arguments) else { return }
        let result = try Tool.run("dockling-cgroups", arguments)
        XCTAssertEqual(result.status, 124, "timeout ended the loop: \(result.stderr)")
        let cpuLine = try XCTUnwrap(result.stderr.split(separator: "\n").first { $0.contains("CPU time:") })
        let share = try XCTUnwrap(number(after: ": ", in: String(cpuLine)), result.stderr)
        XCTAssertGreaterThanOrEqual(share, 0.1, result.stderr)
        XCTAssertLessThanOrEqual(share, 0.35, result.stderr)
        XCTAssertGreaterThan(try XCTUnwrap(number(after: "CPU throttled:    in", in: result.stderr)), 5,
                             "the kernel stopped the loop in most periods: \(result.stderr)")
    }

    func testInvalidLimitsAreRefusedBeforeAnythingIsCreated() throws {
        for (flag, value) in [("--memory", "64x"), ("--memory", "-1"), ("--cpus", "0"), ("--cpu-shares", "1"),
                              ("--pids-limit", "0"), ("--blkio-weight", "5"), ("--memory-swap", "64m")] {
            let result = try Tool.run("dockling-cgroups", [flag, value, "--", "true"], environment: ["DOCKLING_TRACE": "json"])
            XCTAssertEqual(result.status, 125, "\(flag) \(value)")
            XCTAssertTrue(result.stderr.contains("\(flag) \(value):"), result.stderr)
            XCTAssertFalse(result.stderr.contains("\"mkdir\""), "nothing was created: \(result.stderr)")
        }
    }

    func testFailingRunsLeaveNoCgroupBehind() throws {
        // Limits only where this kernel enforces them: a refused limit makes no cgroup at all.
        let memory = KernelFeatures.missing("--memory") == nil ? ["--memory", "64m"] : []
        let pids = KernelFeatures.missing("--pids-limit") == nil ? ["--pids-limit", "5"] : []
        XCTAssertEqual(try Tool.run("dockling-cgroups", memory + ["--", "sh", "-c", "exit 3"]).status, 3)
        XCTAssertEqual(try Tool.run("dockling-cgroups", pids + ["--", "no-such-command"]).status, 127)
        XCTAssertEqual(try Tool.run("dockling-cgroups", pids + ["--", "/etc/passwd"]).status, 126,
                       "exec fails after the cgroup exists")
        XCTAssertEqual(try Tool.run("dockling-cgroups", ["--", "sh", "-c", "kill -9 $$"]).status, 137)
    }

    func testARunWhoseNameIsTakenFailsWithoutTouchingTheOther() throws {
        let name = "taken-\(getpid())"
        let first = Process()
        first.executableURL = URL(fileURLWithPath: Tool.path("dockling-cgroups"))
        first.arguments = ["--name", name, "--", "sleep", "3"]
        first.standardError = FileHandle.nullDevice
        try first.run()
        let made = { self.leftovers().contains { $0.hasSuffix("/dockling-" + name) } }
        XCTAssertTrue(HostProcesses.waitFor(made), "the first run never made its cgroup")
        let second = try Tool.run("dockling-cgroups", ["--name", name, "--", "true"])
        XCTAssertEqual(second.status, 125)
        XCTAssertTrue(second.stderr.contains("EEXIST"), second.stderr)
        XCTAssertTrue(made(), "the first run's cgroup is still there while it runs")
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
    }

    func testCtrlCEndsTheCommandAndRemovesTheCgroup() throws {
        let marker = "41.\(Int.random(in: 100...999))"
        // setsid gives the run a process group of its own, so that SIGINT to the whole
        // group is exactly what a terminal's Ctrl-C does.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        let memory = KernelFeatures.missing("--memory") == nil ? ["--memory", "64m"] : []
        process.arguments = ["-w", Tool.path("dockling-cgroups")] + memory + ["--", "sleep", marker]
        process.standardError = FileHandle.nullDevice
        try process.run()
        XCTAssertTrue(HostProcesses.waitFor { self.sleeper(marker).map(self.isInDocklingCgroup) ?? false }, "the command never started")
        let group = try XCTUnwrap(sleeper(marker).flatMap(HostProcesses.processGroup))
        XCTAssertNotEqual(group, getpgrp(), "never signal the test's own group")
        kill(-group, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertNil(sleeper(marker), "the command outlived Ctrl-C")
    }

    func testSIGTERMKillsEveryProcessInTheCgroupAndRemovesIt() throws {
        let marker = "42.\(Int.random(in: 100...999))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Tool.path("dockling-cgroups"))
        // A background sleeper that the shell does not wait for: only the cgroup knows it.
        process.arguments = ["--", "sh", "-c", "sleep \(marker) & sleep \(marker)"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        XCTAssertTrue(HostProcesses.waitFor { HostProcesses.sleepers(marker).count == 2 }, "the command never started")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let report = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 143, report)
        XCTAssertTrue(report.contains("stopped by SIGTERM"), report)
        XCTAssertTrue(HostProcesses.waitFor { HostProcesses.sleepers(marker).isEmpty }, "a process outlived SIGTERM")
    }

    /// Every limit this kernel can enforce is written, traced, and reads back as traced;
    /// each one it cannot (no BFQ for --blkio-weight, no swap accounting, a controller
    /// not delegated) is refused on its own, naming what is missing.
    func testTheTraceShowsEachWriteAndTheFilesReadBackTheSameValues() throws {
        let name = "trace-\(getpid())"
        let traceFile = NSTemporaryDirectory() + "dockling-cgroups-trace-\(UUID().uuidString.prefix(8)).json"
        defer { try? FileManager.default.removeItem(atPath: traceFile) }
        let wanted: [(flag: String, value: String)] = [("--memory", "32m"), ("--memory-swap", "64m"), ("--cpus", "0.5"),
                                                       ("--cpu-shares", "512"), ("--pids-limit", "20"), ("--blkio-weight", "300")]
        var limits: [String] = []
        for (flag, value) in wanted {
            // --memory-swap is meaningful only beside --memory.
            let alone = (flag == "--memory-swap" ? ["--memory", "32m"] : []) + [flag, value]
            if try kernelEnforces(flag, refusing: alone + ["--", "true"]) { limits += [flag, value] }
        }
        let enforced = Set(stride(from: 0, to: limits.count, by: 2).map { limits[$0] })
        let files = Self.limitFiles.filter { enforced.contains($0.key) }.flatMap(\.value)
        let paths = parents.flatMap { parent in files.map { "\(parent)/dockling-\(name)/\($0)" } }
        // From inside its cgroup, the command reads back every limit file it has.
        let script = "echo pid=$$; for f in \(paths.joined(separator: " ")); do [ -e $f ] && echo \"$f=$(cat $f)\"; done; true"
        let result = try Tool.run("dockling-cgroups", limits + ["--name", name, "--", "sh", "-c", script],
                                  environment: ["DOCKLING_TRACE": "json", "DOCKLING_TRACE_FILE": traceFile])
        XCTAssertEqual(result.status, 0, result.stderr)
        var readBack: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            // v2's weight files show the default weight, "default 300", the way they take it.
            if parts.count == 2 { readBack[parts[0]] = parts[1].replacing("default ", with: "") }
        }
        let writes = try tracedWrites(traceFile)
        let limitWrites = writes.filter { !$0.path.hasSuffix("/cgroup.procs") && !$0.path.hasSuffix("/cgroup.subtree_control") }
        // Each enforced flag wrote one of its files (v1's or v2's; BFQ's weight or the other).
        let written = Set(limitWrites.map { Path.base(of: $0.path) })
        for flag in enforced {
            XCTAssertFalse(written.isDisjoint(with: Self.limitFiles[flag]!), "\(flag) was written: \(writes)")
        }
        XCTAssertEqual(written.subtracting(files), [], "only limit files were written")
        XCTAssertGreaterThanOrEqual(limitWrites.count, enforced.count, "\(writes)")
        for write in limitWrites {
            XCTAssertEqual(readBack[write.path], write.value, "\(write.path) holds what the trace says was written")
        }
        let joins = writes.filter { $0.path.hasSuffix("/cgroup.procs") }
        XCTAssertFalse(joins.isEmpty)
        for join in joins { XCTAssertEqual("pid=" + join.value, result.stdout.split(separator: "\n").first.map(String.init)) }
    }

    /// The files each limit flag may be written to: v1's, then v2's.
    private static let limitFiles: [String: [String]] = [
        "--memory": ["memory.limit_in_bytes", "memory.max"],
        "--memory-swap": ["memory.memsw.limit_in_bytes", "memory.swap.max"],
        "--cpus": ["cpu.cfs_period_us", "cpu.cfs_quota_us", "cpu.max"],
        "--cpu-shares": ["cpu.shares", "cpu.weight"],
        "--pids-limit": ["pids.max"],
        "--blkio-weight": ["blkio.bfq.weight", "blkio.weight", "io.bfq.weight", "io.weight"],
    ]

    // MARK: Helpers

    /// Every openat-for-writing followed by its write, from a json trace: (path, value).
    private func tracedWrites(_ traceFile: String) throws -> [(path: String, value: String)] {
        let events = try String(contentsOfFile: traceFile, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(TraceEvent.self, from: Data($0.utf8)) }
        var open: [String: String] = [:]   // fd → path
        var writes: [(path: String, value: String)] = []
        for event in events {
            switch event.call {
            case "openat" where event.args[2].hasPrefix("O_WRONLY") && event.result != nil:
                open[String(event.result!)] = unquote(event.args[1])
            case "write":
                guard let path = open[event.args[0]] else { continue }
                XCTAssertEqual(event.result, Int(event.args[2]), "the whole value was written to \(path)")
                writes.append((path, unquote(event.args[1])))
            case "close":
                open[event.args[0]] = nil
            default:
                continue
            }
        }
        return writes
    }

    private func unquote(_ text: String) -> String { String(text.dropFirst().dropLast()) }

    /// The first number after `label` in the report, such as 0.20 in "…: 0.20 of one CPU".
    private func number(after label: String, in text: String) -> Double? {
        guard let range = text.range(of: label, options: .backwards) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " }
        return Double(rest.prefix { $0.isNumber || $0 == "." })
    }

    private func sleeper(_ argument: String) -> pid_t? { HostProcesses.sleepers(argument).first }

    private func isInDocklingCgroup(_ pid: pid_t) -> Bool {
        ((try? String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8)) ?? "").contains("/dockling-")
    }

}
