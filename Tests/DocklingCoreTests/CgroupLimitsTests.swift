@testable import DocklingCore
import XCTest

/// docker's spellings and units, and the refusals that name their flag.
final class CgroupLimitsTests: XCTestCase {
    private func parse(_ flags: [CgroupLimitFlag: String]) throws -> CgroupLimits {
        try CgroupLimits(parsing: flags, onlineCPUs: 2)
    }

    private func refusal(_ flags: [CgroupLimitFlag: String]) -> CgroupLimitError? {
        do {
            _ = try parse(flags)
            return nil
        } catch {
            return error as? CgroupLimitError
        }
    }

    func testMemoryTakesDockersUnits() throws {
        XCTAssertEqual(try parse([.memory: "64m"]).memory, 64 * 1024 * 1024)
        XCTAssertEqual(try parse([.memory: "64M"]).memory, 64 * 1024 * 1024)
        XCTAssertEqual(try parse([.memory: "1g"]).memory, 1 << 30)
        XCTAssertEqual(try parse([.memory: "1.5g"]).memory, 3 << 29)
        XCTAssertEqual(try parse([.memory: "8192k"]).memory, 8 << 20)
        XCTAssertEqual(try parse([.memory: "7000000"]).memory, 7_000_000)
        XCTAssertEqual(try parse([.memory: "7000000b"]).memory, 7_000_000)
    }

    func testInvalidMemoryIsRefusedNamingTheFlag() {
        for (value, problem) in [("64x", "unknown unit"), ("64mb", "unknown unit"), ("-1", "negative"),
                                 ("0", "more than zero"), ("1m", "minimum"), ("", "not a size"), ("m", "not a size")] {
            let error = refusal([.memory: value])
            XCTAssertEqual(error?.flag, .memory, value)
            XCTAssertTrue(error?.description.contains("--memory \(value)") ?? false, "\(String(describing: error))")
            XCTAssertTrue(error?.problem.contains(problem) ?? false, "\(value): \(String(describing: error))")
        }
    }

    func testSwapCountsMemoryAndSwapTogether() throws {
        let limits = try parse([.memory: "64m", .memorySwap: "128m"])
        XCTAssertEqual(limits.memorySwap, .total(128 << 20))
        XCTAssertEqual(try parse([.memory: "64m", .memorySwap: "-1"]).memorySwap, .unlimited)
        XCTAssertEqual(try parse([.memory: "64m"]).effectiveSwap, .total(128 << 20), "docker's default: twice --memory")
        XCTAssertNil(try parse([:]).effectiveSwap)
        XCTAssertEqual(refusal([.memorySwap: "128m"])?.flag, .memorySwap, "needs --memory")
        XCTAssertEqual(refusal([.memory: "64m", .memorySwap: "32m"])?.flag, .memorySwap, "below --memory")
        XCTAssertEqual(refusal([.memory: "64m", .memorySwap: "0"])?.flag, .memorySwap)
    }

    func testCPUsBecomeAQuotaOverDockersHundredMillisecondPeriod() throws {
        XCTAssertEqual(try parse([.cpus: "0.5"]).cpuQuota, .init(quota: 50_000, period: 100_000))
        XCTAssertEqual(try parse([.cpus: "0.2"]).cpuQuota, .init(quota: 20_000, period: 100_000))
        XCTAssertEqual(try parse([.cpus: "2"]).cpuQuota, .init(quota: 200_000, period: 100_000))
        XCTAssertEqual(try parse([.cpus: "0.01"]).cpuQuota?.quota, 1000)
        for value in ["0", "-1", "0.001", "2.5", "abc", "nan", "inf"] {
            XCTAssertEqual(refusal([.cpus: value])?.flag, .cpus, value)
        }
    }

    func testSharesPidsAndBlkioWeightStayInTheKernelsRanges() throws {
        XCTAssertEqual(try parse([.cpuShares: "512"]).cpuShares, 512)
        XCTAssertEqual(try parse([.pidsLimit: "20"]).pids, .limit(20))
        XCTAssertEqual(try parse([.pidsLimit: "-1"]).pids, .unlimited)
        XCTAssertEqual(try parse([.blkioWeight: "300"]).blkioWeight, 300)
        for (flag, value) in [(CgroupLimitFlag.cpuShares, "1"), (.cpuShares, "0"), (.cpuShares, "262145"),
                              (.cpuShares, "1.5"), (.pidsLimit, "0"), (.pidsLimit, "-2"), (.pidsLimit, "ten"),
                              (.blkioWeight, "9"), (.blkioWeight, "1001"), (.blkioWeight, "0")] {
            XCTAssertEqual(refusal([flag: value])?.flag, flag, "\(flag.rawValue) \(value)")
        }
    }

    func testEachLimitNeedsItsController() throws {
        let limits = try parse([.memory: "64m", .cpus: "0.5", .pidsLimit: "9", .blkioWeight: "100"])
        XCTAssertEqual(limits.controllers, [.memory: .memory, .cpu: .cpus, .pids: .pidsLimit, .blkio: .blkioWeight])
        XCTAssertTrue(try parse([:]).controllers.isEmpty)
    }
}
