import Foundation
import XCTest

/// Input dockling-union must refuse: each refusal is a clear message and exit 125, and
/// nothing is mounted or made.
final class UnionBadInputSystemTests: XCTestCase {
    private var union: UnionFixture!

    override func setUpWithError() throws {
        try Tool.requireRoot()
        try Tool.requireProgram("busybox", package: "busybox-static")
        union = try UnionFixture()
        try union.ensureBusybox()
    }

    override func tearDownWithError() throws {
        try union?.tearDown()
        union = nil  // XCTest keeps test cases alive: let the folders go now
    }

    /// Runs a command that must fail, and checks that it changed nothing.
    private func refuse(_ arguments: [String], saying message: String,
                        file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try union.snapshot()
        let result = try union.run(arguments)
        XCTAssertEqual(result.status, 125, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("dockling-union: "), result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(message), result.stderr, file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        XCTAssertEqual(try union.changes(since: before), [], "a refused command changed something", file: file, line: line)
    }

    func testADirectoryThatIsAlreadyAMountPoint() throws {
        let dir = try union.directory("rootfs")
        _ = try union.mount("busybox", at: dir)
        try refuse(["mount", "busybox", dir], saying: "\(dir) is already a mount point: EBUSY")
        try union.unmount(dir)
    }

    func testAnImageThatDoesNotExist() throws {
        let dir = try union.directory("rootfs")
        try refuse(["mount", "no-such-image", dir], saying: "images: no such image: no-such-image")
    }

    func testAMountPointThatIsAFileOrMissing() throws {
        let file = try union.directory("holder") + "/a-file"
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        try refuse(["mount", "busybox", file], saying: "mount point \(file) is not a directory: ENOTDIR")
        try refuse(["mount", "busybox", file + "-missing"], saying: "mount point \(file)-missing cannot be used: ENOENT")
    }

    func testAnUpperThatIsNotADirectory() throws {
        let dir = try union.directory("rootfs")
        let file = dir + "-upper-file"
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        try refuse(["mount", "busybox", dir, "--upper", file], saying: "--upper \(file) is not a directory: ENOTDIR")
        try refuse(["mount", "busybox", dir, "--upper", "/dev"], saying: "on another filesystem than the work directory")
    }

    func testDiffAndUmountOfADirectoryWithNoUnion() throws {
        let dir = try union.directory("plain")
        try refuse(["diff", dir], saying: "\(dir) is not a union that dockling-union mounted")
        try refuse(["umount", dir], saying: "\(dir) is not a union that dockling-union mounted")
    }
}
