@testable import DocklingCore
import XCTest

/// docker's default seccomp profile as data, and docker's lists of protected paths.
final class SecurityProfileTests: XCTestCase {
    private func allowedUnconditionally(with capabilities: CapabilitySet) -> Set<String> {
        Set(DockerSeccompProfile.rules.filter { $0.applies(to: capabilities) && $0.conditions.isEmpty && $0.action == .allow }
            .flatMap(\.names))
    }

    func testTheWallsOfTheDefaultProfile() {
        let allowed = allowedUnconditionally(with: .dockerDefault)
        for call in ["read", "write", "execve", "wait4", "capset", "prctl", "close_range", "chroot", "ptrace"] {
            XCTAssertTrue(allowed.contains(call), "\(call) should be allowed")
        }
        for call in ["mount", "umount2", "unshare", "setns", "keyctl", "add_key", "request_key", "kexec_load",
                     "init_module", "finit_module", "reboot", "bpf", "clone", "clone3", "sethostname"] {
            XCTAssertFalse(allowed.contains(call), "\(call) should be refused")
        }
    }

    func testCapabilitiesOpenTheirCalls() {
        let withAdmin = try! CapabilitySet.dockerDefault.adjusted(add: ["SYS_ADMIN", "SYS_MODULE"], drop: ["SYS_CHROOT"])
        let allowed = allowedUnconditionally(with: withAdmin)
        XCTAssertTrue(allowed.isSuperset(of: ["mount", "unshare", "setns", "clone", "init_module"]))
        XCTAssertFalse(allowed.contains("chroot"))
        XCTAssertFalse(allowed.contains("keyctl"), "no capability opens the keyring")
    }

    func testCloneIsAllowedOnlyWithoutNamespaceFlags() throws {
        let clone = try XCTUnwrap(DockerSeccompProfile.rules.first { $0.names == ["clone"] && !$0.conditions.isEmpty })
        XCTAssertTrue(clone.applies(to: .dockerDefault))
        XCTAssertFalse(clone.applies(to: .all), "with SYS_ADMIN clone is allowed outright")
        guard case .masked(let mask, let value) = clone.conditions[0].test else { return XCTFail("not a mask test") }
        let namespaceFlags: [NamespaceKind] = [.mount, .uts, .ipc, .user, .pid, .net, .cgroup]
        XCTAssertEqual(mask, UInt64(NamespaceKind.flags(namespaceFlags).rawValue))
        XCTAssertEqual(value, 0)
        let clone3 = try XCTUnwrap(DockerSeccompProfile.rules.first { $0.names == ["clone3"] && $0.unlessWith != nil })
        XCTAssertEqual(clone3.action, .fail(errno: 38))
    }

    func testProfileNamesAreUniqueWithinTheAllowList() {
        XCTAssertEqual(Set(DockerSeccompProfile.allowed).count, DockerSeccompProfile.allowed.count)
        XCTAssertGreaterThan(DockerSeccompProfile.allowed.count, 300)
    }

    func testProtectedPathsAreDockers() {
        XCTAssertTrue(ProtectedPaths.masked.contains("/proc/kcore"))
        XCTAssertTrue(ProtectedPaths.masked.contains("/sys/firmware"))
        XCTAssertEqual(Set(ProtectedPaths.readOnly),
                       ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"])
        XCTAssertTrue((ProtectedPaths.masked + ProtectedPaths.readOnly).allSatisfy { $0.hasPrefix("/proc/") || $0.hasPrefix("/sys/") })
    }
}
