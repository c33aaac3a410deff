@testable import DocklingCore
import XCTest

/// docker's HostConfig resource fields, in the kernel's units, from the flags as typed.
final class InspectionResourcesTests: XCTestCase {
    func testFlagsBecomeDockersFields() {
        let resources = ContainerInspection.Resources(flags: [
            "--memory": "64m", "--cpus": "0.5", "--cpu-shares": "512", "--pids-limit": "20", "--blkio-weight": "300",
        ])
        XCTAssertEqual(resources.memory, 67_108_864)
        XCTAssertEqual(resources.memorySwap, 134_217_728, "docker fills in twice the memory")
        XCTAssertEqual(resources.nanoCpus, 500_000_000)
        XCTAssertEqual(resources.cpuShares, 512)
        XCTAssertEqual(resources.pidsLimit, 20)
        XCTAssertEqual(resources.blkioWeight, 300)
    }

    func testUnlimitedAndAbsentValues() {
        let unlimited = ContainerInspection.Resources(flags: ["--memory": "32m", "--memory-swap": "-1", "--pids-limit": "-1"])
        XCTAssertEqual(unlimited.memorySwap, -1)
        XCTAssertNil(unlimited.pidsLimit)
        let none = ContainerInspection.Resources(flags: [:])
        XCTAssertEqual([none.memory, none.memorySwap, none.nanoCpus, none.cpuShares, none.blkioWeight], [0, 0, 0, 0, 0])
    }

    func testAbsentValuesShowAsNullAsGoShowsNilPointers() throws {
        struct Holder: Encodable { let PidsLimit: Nullable<Int64> }
        XCTAssertEqual(String(decoding: try JSONCoding.encode(Holder(PidsLimit: Nullable(nil))), as: UTF8.self),
                       "{\"PidsLimit\":null}")
        XCTAssertEqual(String(decoding: try JSONCoding.encode(Holder(PidsLimit: Nullable(7))), as: UTF8.self),
                       "{\"PidsLimit\":7}")
    }
}
