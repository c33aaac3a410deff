import Foundation
import XCTest

/// Lesson 03 for real: mount busybox, change it, and look where the changes landed.
/// Every mount and umount is made by the built `dockling-union`; this process only
/// reads and writes files (through the union, as any program would).
final class UnionSystemTests: XCTestCase {
    private var union: UnionFixture!

    override func setUpWithError() throws {
        try Tool.requireRoot()
        try Tool.requireProgram("busybox", package: "busybox-static")
        union = try UnionFixture()
    }

    override func tearDownWithError() throws {
        try union?.tearDown()
        union = nil  // XCTest keeps test cases alive: let the folders go now
    }

    func testWritesLandInTheUpperDirectoryAndTheLayerStaysAsItWas() throws {
        let dir = try union.directory("rootfs")
        let stack = try union.mount("busybox", at: dir)
        let layer = try XCTUnwrap(stack.layers.first)
        XCTAssertEqual(stack.layers.count, 1)
        XCTAssertEqual(try union.entries(stack.upper), [], "a fresh upper directory is empty")
        let original = try String(contentsOfFile: layer + "/etc/passwd", encoding: .utf8)

        try "hello\n".write(toFile: dir + "/new", atomically: false, encoding: .utf8)
        let passwd = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/etc/passwd"))
        try passwd.seekToEnd()
        passwd.write(Data("learner:x:1000:1000::/home:/bin/sh\n".utf8))
        try passwd.close()
        try FileManager.default.removeItem(atPath: dir + "/bin/ls")

        XCTAssertFalse(UnionFixture.exists(dir + "/bin/ls"), "the union no longer shows /bin/ls")
        XCTAssertEqual(try union.diff(dir), ["C /bin", "D /bin/ls", "C /etc", "C /etc/passwd", "A /new"])
        XCTAssertEqual(try union.entries(stack.upper), ["bin", "bin/ls", "etc", "etc/passwd", "new"])
        XCTAssertTrue(UnionFixture.isWhiteout(stack.upper + "/bin/ls"), "deleting left a 0:0 character device")
        XCTAssertEqual(try String(contentsOfFile: stack.upper + "/etc/passwd", encoding: .utf8),
                       original + "learner:x:1000:1000::/home:/bin/sh\n", "the whole file was copied up, then changed")

        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: layer + "/bin/ls"), "/bin/busybox")
        XCTAssertEqual(try String(contentsOfFile: layer + "/etc/passwd", encoding: .utf8), original)
        XCTAssertTrue(original.hasPrefix("root:x:0:0:"))
        XCTAssertFalse(UnionFixture.exists(layer + "/new"))
        try union.unmount(dir)
    }

    func testADirectoryRemovedAndMadeAgainIsOpaque() throws {
        let dir = try union.directory("rootfs")
        let stack = try union.mount("busybox", at: dir)
        let lowerNames = try FileManager.default.contentsOfDirectory(atPath: stack.layers[0] + "/sbin")
        XCTAssertFalse(lowerNames.isEmpty, "busybox's /sbin holds applets")

        try FileManager.default.removeItem(atPath: dir + "/sbin")
        try FileManager.default.createDirectory(atPath: dir + "/sbin", withIntermediateDirectories: false)
        try "mine\n".write(toFile: dir + "/sbin/tool", atomically: false, encoding: .utf8)

        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/sbin"), ["tool"],
                       "the layer's applets are hidden")
        XCTAssertEqual(try union.xattr(stack.upper + "/sbin", "trusted.overlay.opaque"), "y")
        XCTAssertEqual(try union.diff(dir), ["D /sbin", "A /sbin/tool"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: stack.layers[0] + "/sbin").sorted(),
                       lowerNames.sorted(), "the layer keeps them")
        try union.unmount(dir)
    }

    func testTwoMountsOfOneImageShareItsLayersButNotTheirChanges() throws {
        let first = try union.directory("first"), second = try union.directory("second")
        let one = try union.mount("busybox", at: first)
        let two = try union.mount("busybox", at: second)
        XCTAssertEqual(one.layers, two.layers, "both stack the same unpacked layer")
        XCTAssertNotEqual(one.upper, two.upper)

        try "only in the first\n".write(toFile: first + "/mine", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: second + "/bin/ls")

        XCTAssertFalse(UnionFixture.exists(second + "/mine"))
        XCTAssertTrue(UnionFixture.exists(first + "/bin/ls"))
        XCTAssertEqual(try union.diff(first), ["A /mine"])
        XCTAssertEqual(try union.diff(second), ["C /bin", "D /bin/ls"])
        try union.unmount(first)
        XCTAssertTrue(UnionFixture.exists(second + "/bin/sh"), "the second union outlives the first")
        try union.unmount(second)
    }

    func testTheTracedMountShowsTheWholeStack() throws {
        let dir = try union.directory("rootfs")
        let result = try union.run(["mount", "busybox", dir, "--trace=json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let stack = UnionFixture.Stack(report: result.stdout)
        let mounts = result.stderr.split(separator: "\n").compactMap { line -> [String: Any]? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["call"] as? String == "mount" else { return nil }
            return object
        }
        let arguments = try XCTUnwrap(mounts.first?["args"] as? [String])
        XCTAssertEqual(arguments.prefix(4), ["\"overlay\"", "\"\(dir)\"", "\"overlay\"", "0"])
        XCTAssertEqual(arguments.last, "\"lowerdir=\(stack.layers[0]),upperdir=\(stack.upper),workdir=\(stack.work)"
                                       + ",redirect_dir=off,metacopy=off\"")
        XCTAssertEqual(mounts.first?["step"] as? String, "union")
        try union.unmount(dir)
    }

    func testUmountLeavesTheMountTableAndTheStoreAsTheyWere() throws {
        let dir = try union.directory("rootfs")
        try union.ensureBusybox()
        let before = try union.snapshot()
        _ = try union.mount("busybox", at: dir)
        try "x\n".write(toFile: dir + "/x", atomically: false, encoding: .utf8)
        XCTAssertNotEqual(try union.changes(since: before), [])
        try union.unmount(dir)
        XCTAssertEqual(try union.changes(since: before), [])
        XCTAssertEqual(try union.entries(dir), [], "the mount point is an empty directory again")
    }

    func testAnUpperDirectoryTheLearnerGaveKeepsTheChanges() throws {
        let dir = try union.directory("rootfs"), upper = try union.directory("my-upper")
        try union.ensureBusybox()
        let before = try union.snapshot()
        let stack = try union.mount("busybox", at: dir, "--upper", upper)
        XCTAssertEqual(stack.upper, upper)
        try "kept\n".write(toFile: dir + "/kept", atomically: false, encoding: .utf8)
        try union.unmount(dir)
        XCTAssertEqual(try String(contentsOfFile: upper + "/kept", encoding: .utf8), "kept\n")
        XCTAssertEqual(try union.changes(since: before), ["+ my-upper/kept"], "only the change, in the learner's directory")

        // Mounted again on the same upper directory, the change is back.
        _ = try union.mount("busybox", at: dir, "--upper", upper)
        XCTAssertEqual(try String(contentsOfFile: dir + "/kept", encoding: .utf8), "kept\n")
        try union.unmount(dir)
    }

    func testARecordWhoseMountIsGoneBreaksNothing() throws {
        let dir = try union.directory("rootfs")
        try union.ensureBusybox()
        let before = try union.snapshot()
        _ = try union.mount("busybox", at: dir)
        try "x\n".write(toFile: dir + "/x", atomically: false, encoding: .utf8)
        // Someone takes the union down behind dockling's back.
        XCTAssertEqual(try Tool.exec("/bin/umount", [dir]).status, 0)
        XCTAssertEqual(try union.diff(dir), ["A /x"], "the record and the upper directory still tell the changes")

        let again = try union.mount("busybox", at: dir)
        XCTAssertEqual(try union.entries(again.upper), [], "the left-over folder was cleared for a fresh mount")
        XCTAssertEqual(try union.diff(dir), [])
        XCTAssertEqual(try Tool.exec("/bin/umount", [dir]).status, 0)
        try union.unmount(dir)
        XCTAssertEqual(try union.changes(since: before), [])
    }
}
