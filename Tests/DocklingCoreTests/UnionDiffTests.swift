@testable import DocklingCore
import FoundationEssentials
import XCTest

/// `docker diff` from an upper directory, against layers built in a temp folder.
final class UnionDiffTests: XCTestCase {
    private var base = ""

    override func setUpWithError() throws {
        base = "/tmp/dockling-union-\(UUID().uuidString.prefix(8))"
        for dir in ["l0/etc/conf.d", "l0/bin", "l1/etc", "upper"] {
            try FileManager.default.createDirectory(atPath: "\(base)/\(dir)", withIntermediateDirectories: true)
        }
        for file in ["l0/etc/passwd", "l0/etc/conf.d/a", "l0/bin/ls", "l1/etc/hosts"] { try write(file) }
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: base) }

    private func write(_ relative: String, _ text: String = "x") throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(base)/\(relative)"))
    }

    private var layers: [String] { ["\(base)/l0", "\(base)/l1"] }

    private func requireRootForOverlayMarks() throws {
        if getuid() != 0 { throw XCTSkip("whiteouts (mknod 0:0) and trusted.* xattrs need root") }
    }

    func testAddedAndChangedFilesAndTheirDirectories() throws {
        try FileManager.default.createDirectory(atPath: "\(base)/upper/etc", withIntermediateDirectories: true)
        try write("upper/etc/passwd", "changed")
        try write("upper/etc/hosts", "changed in the top layer's file")
        try write("upper/new")
        let changes = try UnionDiff.changes(upper: "\(base)/upper", layers: layers)
        XCTAssertEqual(changes.map(\.description), ["C /etc", "C /etc/hosts", "C /etc/passwd", "A /new"])
    }

    func testWhiteoutsAreDeletions() throws {
        try requireRootForOverlayMarks()
        try FileManager.default.createDirectory(atPath: "\(base)/upper/bin", withIntermediateDirectories: true)
        try Kernel.mknodWhiteout("\(base)/upper/bin/ls", note: "test")
        let changes = try UnionDiff.changes(upper: "\(base)/upper", layers: layers)
        XCTAssertEqual(changes.map(\.description), ["C /bin", "D /bin/ls"])
    }

    func testAWhiteoutOfWhatNoLayerHasIsNotAChange() throws {
        try requireRootForOverlayMarks()
        try Kernel.mknodWhiteout("\(base)/upper/never-was", note: "test")
        XCTAssertEqual(try UnionDiff.changes(upper: "\(base)/upper", layers: layers), [])
    }

    func testAFileThatReplacedADirectoryIsAChange() throws {
        try write("upper/bin", "a file where the image has a directory")
        XCTAssertEqual(try UnionDiff.changes(upper: "\(base)/upper", layers: layers).map(\.description), ["C /bin"])
    }

    func testAnOpaqueDirectoryIsDeletedThenRefilled() throws {
        try requireRootForOverlayMarks()
        try FileManager.default.createDirectory(atPath: "\(base)/upper/etc/conf.d", withIntermediateDirectories: true)
        try Kernel.lsetxattr("\(base)/upper/etc/conf.d", name: OverlayEntry.opaqueXattr, value: "y", note: "test")
        try write("upper/etc/conf.d/b")
        let changes = try UnionDiff.changes(upper: "\(base)/upper", layers: layers)
        XCTAssertEqual(changes.map(\.description), ["C /etc", "D /etc/conf.d", "A /etc/conf.d/b"])
    }

    func testLowerWhiteoutsAndOpaqueDirectoriesHideWhatIsBelow() throws {
        try requireRootForOverlayMarks()
        try Kernel.mknodWhiteout("\(base)/l1/etc/passwd", note: "test")
        try FileManager.default.createDirectory(atPath: "\(base)/l1/etc/conf.d", withIntermediateDirectories: true)
        try Kernel.lsetxattr("\(base)/l1/etc/conf.d", name: OverlayEntry.opaqueXattr, value: "y", note: "test")
        let top = layers.reversed().map { $0 }
        XCTAssertFalse(OverlayEntry.visible("etc/passwd", in: top))
        XCTAssertFalse(OverlayEntry.visible("etc/conf.d/a", in: top))
        XCTAssertTrue(OverlayEntry.visible("etc/conf.d", in: top))
        XCTAssertTrue(OverlayEntry.visible("bin/ls", in: top))
        XCTAssertFalse(OverlayEntry.visible("nope", in: top))
    }

    func testAFileInAHigherLayerHidesALowerDirectory() throws {
        try FileManager.default.removeItem(atPath: "\(base)/l1/etc")
        try write("l1/etc", "a file where the base layer has a directory")
        let top = layers.reversed().map { $0 }
        XCTAssertTrue(OverlayEntry.visible("etc", in: top))
        XCTAssertFalse(OverlayEntry.visible("etc/passwd", in: top))
    }

    /// U+0301 right after a slash joins the slash into one Swift Character; the layers
    /// below must still be asked about the path the kernel sees.
    func testANameStartingWithACombiningMarkIsNotTheNameWithoutIt() throws {
        try write("l0/x")
        try write("upper/\u{301}x")
        XCTAssertEqual(try UnionDiff.changes(upper: "\(base)/upper", layers: layers).map(\.description), ["A /\u{301}x"])
    }

    func testAFileWhoseNameStartsWithACombiningMarkIsNewInADirectoryALayerMadeOpaque() throws {
        try requireRootForOverlayMarks()
        try write("l0/etc/conf.d/\u{301}a")
        try FileManager.default.createDirectory(atPath: "\(base)/l1/etc/conf.d", withIntermediateDirectories: true)
        try Kernel.lsetxattr("\(base)/l1/etc/conf.d", name: OverlayEntry.opaqueXattr, value: "y", note: "test")
        try FileManager.default.createDirectory(atPath: "\(base)/upper/etc/conf.d", withIntermediateDirectories: true)
        try write("upper/etc/conf.d/\u{301}a")
        let changes = try UnionDiff.changes(upper: "\(base)/upper", layers: layers)
        XCTAssertEqual(changes.map(\.description), ["C /etc", "C /etc/conf.d", "A /etc/conf.d/\u{301}a"])
    }

    func testOptionsListTheTopLayerFirst() {
        let layout = UnionLayout(layers: ["/l/base", "/l/top"], upper: "/c/upper", work: "/c/work")
        XCTAssertEqual(OverlayOptions.string(lowerdirs: layout.lowerdirOrder, upper: layout.upper, work: layout.work),
                       "lowerdir=/l/top:/l/base,upperdir=/c/upper,workdir=/c/work,redirect_dir=off,metacopy=off")
    }

    func testOptionsEscapeWhatOverlayfsWouldSplitAt() {
        XCTAssertEqual(OverlayOptions.string(lowerdirs: ["/l/a:b", "/l/c"], upper: "/u,1", work: "/w\\x"),
                       "lowerdir=/l/a\\:b:/l/c,upperdir=/u\\,1,workdir=/w\\\\x,redirect_dir=off,metacopy=off")
    }
}
