@testable import DocklingCore
import FoundationEssentials
import XCTest

final class NamespaceSettingsTests: XCTestCase {
    private let root = StoreRoot(path: "/nonexistent-dockling-root")

    private func failure(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testRefusesAMissingCommand() {
        let text = failure { _ = try NamespaceSettings(kinds: [.uts], hostname: "x", rootfs: nil, argv: [], root: root) }
        XCTAssertTrue(text.contains("no command given"), text)
    }

    func testRefusesAHostnameOver64Bytes() {
        let long = String(repeating: "a", count: 65)
        let text = failure { _ = try NamespaceSettings(kinds: [.uts], hostname: long, rootfs: nil, argv: ["true"], root: root) }
        XCTAssertTrue(text.contains("--hostname must be 1 to 64 bytes, not 65"), text)
        XCTAssertNoThrow(try NamespaceSettings(kinds: [.uts], hostname: String(repeating: "a", count: 64),
                                               rootfs: nil, argv: ["true"], root: root))
    }

    func testRefusesARootfsThatIsMissingOrAFile() {
        let missing = failure { _ = try NamespaceSettings(kinds: [.mount], hostname: "x", rootfs: "/no/such/dir",
                                                          argv: ["true"], root: root) }
        XCTAssertTrue(missing.contains("--rootfs /no/such/dir does not exist"), missing)
        let file = failure { _ = try NamespaceSettings(kinds: [.mount], hostname: "x", rootfs: "/etc/hostname",
                                                       argv: ["true"], root: root) }
        XCTAssertTrue(file.contains("is not a directory"), file)
    }

    func testRootfsWithoutAMountNamespaceIsRefused() {
        let text = failure { _ = try NamespaceSettings(kinds: [.pid], hostname: "x", rootfs: "/tmp",
                                                       argv: ["true"], root: root) }
        XCTAssertTrue(text.contains("--rootfs needs a new mount namespace"), text)
    }

    func testSpecCarriesTheChoices() throws {
        let settings = try NamespaceSettings(kinds: [.user, .mount, .uts], hostname: "box", rootfs: "/tmp",
                                             argv: ["sh"], root: root)
        XCTAssertEqual(settings.spec.rootfs, "/tmp")
        XCTAssertFalse(settings.spec.readOnlyRootfs)
        XCTAssertEqual(settings.spec.hostname, "box")
        XCTAssertEqual(settings.spec.idMapping, .unprivileged)
        XCTAssertTrue(settings.spec.environment.contains("HOSTNAME=box"))
    }
}

final class RootfsReachabilityTests: XCTestCase {
    func testAFolderClosedToOthersIsNamedBeforeAnythingStarts() throws {
        let closed = "/tmp/dockling-closed-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: closed + "/rootfs", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: closed) }
        chmod(closed, 0o700)
        XCTAssertThrowsError(try NamespaceSettings.checkReachable(closed + "/rootfs", byHostUID: 100_000)) { error in
            XCTAssertTrue("\(error)".contains("\(closed) is closed to others (mode 0700)"), "\(error)")
        }
        chmod(closed, 0o711)
        XCTAssertNoThrow(try NamespaceSettings.checkReachable(closed + "/rootfs", byHostUID: 100_000))
    }
}
