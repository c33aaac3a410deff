@testable import DocklingCore
import XCTest

/// Capability names, sets and docker's rules for --cap-add, --cap-drop and --privileged.
final class SecurityCapabilityTests: XCTestCase {
    func testDockerDefaultSetIsTheMaskDockerContainersShow() {
        XCTAssertEqual(CapabilitySet.dockerDefault.hex, "00000000a80425fb")
        XCTAssertEqual(CapabilitySet.dockerDefault.members.count, 14)
    }

    func testNamesAreAcceptedWithOrWithoutThePrefixInAnyCase() {
        XCTAssertEqual(Capability(named: "NET_ADMIN")?.number, 12)
        XCTAssertEqual(Capability(named: "cap_net_admin")?.number, 12)
        XCTAssertEqual(Capability(named: "CAP_CHECKPOINT_RESTORE")?.number, 40)
        XCTAssertNil(Capability(named: "CAP_FLY"))
        XCTAssertEqual(CapabilitySet.all.bits, (1 << 41) - 1)
    }

    func testDropsLeaveTheDefaultBeforeAddsJoinIt() throws {
        let set = try CapabilitySet.dockerDefault.adjusted(add: ["SYS_ADMIN"], drop: ["NET_RAW", "CAP_CHOWN"])
        XCTAssertTrue(set.contains(Capability(named: "SYS_ADMIN")!))
        XCTAssertFalse(set.contains(Capability(named: "NET_RAW")!))
        XCTAssertFalse(set.contains(Capability(named: "CHOWN")!))
        XCTAssertEqual(set.members.count, 13)
        // A capability both added and dropped is added: docker drops first.
        XCTAssertTrue(try CapabilitySet.dockerDefault.adjusted(add: ["KILL"], drop: ["KILL"])
            .contains(Capability(named: "KILL")!))
    }

    func testAllOnEitherSide() throws {
        XCTAssertEqual(try CapabilitySet.dockerDefault.adjusted(add: [], drop: ["ALL"]), .empty)
        XCTAssertEqual(try CapabilitySet.dockerDefault.adjusted(add: ["NET_ADMIN"], drop: ["all"]),
                       CapabilitySet([Capability(named: "NET_ADMIN")!]))
        let everythingButMknod = try CapabilitySet.dockerDefault.adjusted(add: ["ALL"], drop: ["MKNOD"])
        XCTAssertEqual(everythingButMknod.members.count, Capability.all.count - 1)
        XCTAssertFalse(everythingButMknod.contains(Capability(named: "MKNOD")!))
    }

    func testUnknownNamesAreErrorsThatNameTheFlag() {
        XCTAssertThrowsError(try CapabilitySet.dockerDefault.adjusted(add: [], drop: ["FOO"])) { error in
            XCTAssertEqual((error as? CapabilityError)?.what, "invalid --cap-drop: unknown capability: \"CAP_FOO\"")
            XCTAssertEqual((error as? CapabilityError)?.exitCode, 125)
        }
    }

    /// capget's two 32-bit halves of each set make the sets /proc/self/status shows.
    func testCapgetAgreesWithProcStatus() throws {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        func field(_ name: String) -> UInt64? {
            status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .flatMap { UInt64($0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces), radix: 16) }
        }
        let sets = try Kernel.capget(note: "test")
        XCTAssertEqual(sets.effective.bits, field("CapEff"))
        XCTAssertEqual(sets.permitted.bits, field("CapPrm"))
        XCTAssertEqual(sets.inheritable.bits, field("CapInh"))
        XCTAssertEqual(CapabilitySet.all.intersection(.dockerDefault), .dockerDefault)
    }

    func testPrivilegedWinsButBadNamesStillFail() throws {
        let privileged = try Confinement(capAdd: [], capDrop: ["ALL"], privileged: true, securityOptions: [])
        XCTAssertEqual(privileged.capabilities, .all)
        XCTAssertFalse(privileged.seccomp)
        XCTAssertThrowsError(try Confinement(capAdd: ["NOPE"], capDrop: [], privileged: true, securityOptions: []))
    }

    func testSecurityOptions() throws {
        let options = try SecurityOptions(parsing: ["no-new-privileges", "seccomp=unconfined"])
        XCTAssertTrue(options.noNewPrivileges)
        XCTAssertFalse(options.seccomp)
        XCTAssertTrue(try SecurityOptions(parsing: ["no-new-privileges:true"]).noNewPrivileges)
        XCTAssertFalse(try SecurityOptions(parsing: ["no-new-privileges=false"]).noNewPrivileges)
        let none = try SecurityOptions(parsing: [])
        XCTAssertTrue(none.seccomp && !none.noNewPrivileges, "docker's default: filter on, no_new_privs off")
        XCTAssertThrowsError(try SecurityOptions(parsing: ["seccomp=/tmp/profile.json"]))
        XCTAssertThrowsError(try SecurityOptions(parsing: ["apparmor=unconfined"]))
    }
}
