@testable import DocklingCore
import XCTest

/// The report after a run, and docker's exit codes.
final class CgroupReportTests: XCTestCase {
    private func result(_ status: WaitStatus, oomKills: UInt64 = 0, stop: Int32? = nil,
                        limits: CgroupLimits = CgroupLimits(memory: 32 << 20)) -> LimitedCommandResult {
        var stats = CgroupStats()
        stats.memoryPeak = 32 << 20
        stats.memoryLimitHits = 165
        stats.oomKills = oomKills
        stats.cpuTime = 400_000_000
        stats.pidsPeak = 20
        stats.forksRefused = 1
        return LimitedCommandResult(status: status, stats: stats, elapsed: .seconds(2), leftovers: 19,
                                    limits: limits, notes: [], stopSignal: stop)
    }

    func testAnOOMKillIsSaidInWordsAndExits137() {
        let run = result(.signaled(SIGKILL), oomKills: 1)
        XCTAssertTrue(run.oomKilled)
        XCTAssertEqual(run.exitCode, 137)
        XCTAssertEqual(run.report.last,
                       "the OOM killer ended the command: it needed more than its 32.0 MiB memory limit, so the kernel killed it with SIGKILL (exit 137)")
        XCTAssertTrue(run.report.contains("  OOM killer:       fired, 1 process killed"), "\(run.report)")
    }

    func testASIGKILLFromElsewhereIsNotAnOOMKill() {
        let run = result(.signaled(SIGKILL))
        XCTAssertFalse(run.oomKilled)
        XCTAssertEqual(run.exitCode, 137)
        XCTAssertEqual(run.report.last, "the command was ended by SIGKILL (exit 137)")
    }

    func testTheCommandsOwnExitCodeOtherwise() {
        XCTAssertEqual(result(.exited(3)).exitCode, 3)
        XCTAssertEqual(result(.signaled(SIGINT)).exitCode, 130)
        XCTAssertEqual(result(.signaled(SIGKILL), oomKills: 1, stop: SIGTERM).exitCode, 143, "dockling was told to stop")
    }

    func testReportsPeaksCPUShareAndLeftovers() {
        let run = result(.exited(2), limits: CgroupLimits(pids: .limit(20)))
        XCTAssertEqual(run.report, [
            "what the kernel counted in the command's cgroup:",
            "  memory peak:      32.0 MiB",
            "  OOM killer:       did not fire",
            "  CPU time:         0.40 s in 2.00 s: 0.20 of one CPU",
            "  processes peak:   20 (limit 20)",
            "  forks refused:    1",
            "  left running:     19 processes, killed so the cgroup could be removed",
        ])
    }

    func testFormatsNumbersWithoutFoundation() {
        XCTAssertEqual(LimitedCommandResult.fixed(0.2049, 2), "0.20")
        XCTAssertEqual(LimitedCommandResult.fixed(31.96, 1), "32.0")
        XCTAssertEqual(LimitedCommandResult.fixed(3, 2), "3.00")
        XCTAssertEqual(LimitedCommandResult.mebibytes(1_048_576 / 2), "0.5 MiB")
    }
}
