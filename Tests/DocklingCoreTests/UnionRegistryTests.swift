@testable import DocklingCore
import FoundationEssentials
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The checks `dockling-union` makes on what the learner typed — all of them reads,
/// so they need no root — and where a union's folder goes.
final class UnionRegistryTests: XCTestCase {
    private var scratch: ScratchDirectory!
    private var registry: UnionRegistry!

    override func setUpWithError() throws {
        scratch = try ScratchDirectory()
        registry = UnionRegistry(root: StoreRoot(path: scratch.path + "/store"))
        try FileManager.default.createDirectory(atPath: scratch.path + "/rootfs", withIntermediateDirectories: true)
        try scratch.write("a-file", "x")
    }

    override func tearDown() { scratch = nil }  // XCTest keeps test cases alive: remove the folder now

    func testEachMountPointHasItsOwnShortFolder() {
        let folder = registry.folder(for: "/srv/rootfs")
        XCTAssertEqual(folder, registry.folder(for: "/srv/rootfs"))
        XCTAssertNotEqual(folder, registry.folder(for: "/srv/rootfs2"))
        XCTAssertTrue(folder.hasPrefix(scratch.path + "/store/unions/"))
        XCTAssertEqual(Path.base(of: folder).count, 12)
    }

    func testTheMountPointIsResolvedToItsRealPath() throws {
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/link", withDestinationPath: "rootfs")
        XCTAssertEqual(try UnionRegistry.checkedMountPoint(scratch.path + "/link"), scratch.path + "/rootfs")
    }

    func testBadMountPointsAreRefusedWithTheirReason() {
        XCTAssertThrowsError(try UnionRegistry.checkedMountPoint(scratch.path + "/missing")) { error in
            XCTAssertEqual((error as? UnionError)?.errno, .ENOENT)
        }
        XCTAssertThrowsError(try UnionRegistry.checkedMountPoint(scratch.path + "/a-file")) { error in
            XCTAssertEqual((error as? UnionError)?.errno, .ENOTDIR)
        }
        XCTAssertThrowsError(try UnionRegistry.checkedMountPoint("/")) { error in
            XCTAssertEqual((error as? UnionError)?.errno, .EBUSY)
        }
    }

    func testAnUpperDirectoryMustBeADirectoryOutsideTheMountPoint() throws {
        let target = scratch.path + "/rootfs"
        try FileManager.default.createDirectory(atPath: target + "/inside", withIntermediateDirectories: true)
        XCTAssertThrowsError(try registry.checkedUpper(target + "/inside", target: target))
        XCTAssertThrowsError(try registry.checkedUpper(target, target: target))
        XCTAssertThrowsError(try registry.checkedUpper(scratch.path + "/a-file", target: target))
        try FileManager.default.createDirectory(atPath: scratch.path + "/upper", withIntermediateDirectories: true)
        XCTAssertEqual(try registry.checkedUpper(scratch.path + "/upper", target: target), scratch.path + "/upper")
    }

    /// U+0301 after a slash joins it into one Swift Character; the folder is still inside.
    func testAnUpperDirectoryWhoseNameStartsWithACombiningMarkIsInsideTheMountPoint() throws {
        let target = scratch.path + "/rootfs"
        try FileManager.default.createDirectory(atPath: target + "/\u{301}inside", withIntermediateDirectories: true)
        XCTAssertThrowsError(try registry.checkedUpper(target + "/\u{301}inside", target: target)) { error in
            XCTAssertTrue("\(error)".contains("is inside the mount point"), "\(error)")
        }
    }

    func testAnUpperDirectoryOnAnotherFilesystemIsRefused() throws {
        // /dev is a devtmpfs, never the filesystem of a store root under /tmp.
        XCTAssertThrowsError(try registry.checkedUpper("/dev", target: scratch.path + "/rootfs")) { error in
            XCTAssertEqual((error as? UnionError)?.errno, Errno(EXDEV))
        }
    }

    func testTheWorkDirectoryIsJudgedByItsClosestExistingFolder() {
        XCTAssertEqual(UnionRegistry.nearestExisting(registry.directory), scratch.path)
    }

    func testDiffAndUmountRefuseADirectoryThatHoldsNoUnion() {
        XCTAssertThrowsError(try registry.changes(at: scratch.path + "/rootfs")) { error in
            XCTAssertTrue("\(error)".contains("is not a union that dockling-union mounted"), "\(error)")
        }
        XCTAssertThrowsError(try registry.unmount(scratch.path + "/rootfs"))
    }
}
