@testable import DocklingCore
import Foundation
import XCTest

/// Paths a container names, found inside its root the way the container will see them:
/// the image's symlinks and `..` never lead out of the root.
final class RootfsPathTests: XCTestCase {
    private var root = ""
    private var files: FileManager { .default }

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "rootfs-path-" + UUID().uuidString.prefix(8)
        try files.createDirectory(atPath: root + "/etc", withIntermediateDirectories: true)
        XCTAssertTrue(files.createFile(atPath: root + "/etc/passwd", contents: Data()))
    }

    override func tearDownWithError() throws {
        try? files.removeItem(atPath: root)
    }

    private func link(_ name: String, to target: String) throws {
        try files.createSymbolicLink(atPath: root + "/" + name, withDestinationPath: target)
    }

    func testSymlinksAndDotDotStayInsideTheRoot() throws {
        try link("abs", to: "/etc")
        try link("climb", to: "../../../../../../etc")
        try link("deep", to: "/../../abs/../../etc/")
        let path = RootfsPath(rootfs: root)
        XCTAssertEqual(try path.resolve("/"), root)
        XCTAssertEqual(try path.resolve("/../../.."), root, "'..' stops at the root")
        XCTAssertEqual(try path.resolve("/abs/x"), root + "/etc/x", "an absolute target starts at the root")
        XCTAssertEqual(try path.resolve("/climb/x"), root + "/etc/x", "a relative target climbs no higher than the root")
        XCTAssertEqual(try path.resolve("deep"), root + "/etc")
        XCTAssertEqual(try path.resolve("/missing/../etc/./passwd"), root + "/etc/passwd")
    }

    func testALoopOfSymlinksIsRefused() throws {
        try link("a", to: "b")
        try link("b", to: "/a")
        XCTAssertThrowsError(try RootfsPath(rootfs: root).resolve("/a/x")) { error in
            XCTAssertTrue("\(error)".contains("too many symlinks"), "\(error)")
        }
    }

    func testMakeCreatesDirectoriesAndAFileWhereTheyAreMissing() throws {
        try link("data", to: "/../../srv")
        let path = RootfsPath(rootfs: root)
        XCTAssertEqual(try path.make("/data/volume", why: "test"), root + "/srv/volume")
        XCTAssertEqual(try path.make("/etc/conf", file: true, why: "test"), root + "/etc/conf")
        XCTAssertEqual(try path.make("/etc", why: "test"), root + "/etc", "what exists is left as it is")
        let made = try files.attributesOfItem(atPath: root + "/srv/volume")
        XCTAssertEqual(made[.type] as? FileAttributeType, .typeDirectory)
        XCTAssertEqual((made[.posixPermissions] as? Int).map { $0 & ~0o022 }, 0o755)
        let file = try files.attributesOfItem(atPath: root + "/etc/conf")
        XCTAssertEqual(file[.type] as? FileAttributeType, .typeRegular)
        XCTAssertEqual(file[.size] as? Int, 0)
        XCTAssertThrowsError(try path.make("/etc/passwd/x", why: "test"), "a file cannot hold a directory")
    }
}
