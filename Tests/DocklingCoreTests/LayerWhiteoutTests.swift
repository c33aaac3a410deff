import Foundation
import XCTest
@testable import DocklingCore

/// OCI whiteouts become what overlayfs reads in a lower directory. Making a 0:0 device
/// and a trusted.* xattr needs root.
final class LayerWhiteoutTests: XCTestCase {
    func testWhiteoutsBecomeTheirOverlayForm() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root: mknod of a whiteout device and trusted.* xattrs") }
        let scratch = try ScratchDirectory()
        let tar = "\(scratch.path)/layer.tar"
        try PythonTar.write([
            .directory("etc/"), .file("etc/.wh.motd", ""), .file("gone/deeper/.wh.file", ""),
            .directory("var/"), .file("var/.wh..wh..opq", ""), .file("var/new", "n"),
            .file("kept", "mine"), .file(".wh.kept", ""), .file(".wh..wh.plnk", ""),
            .fileWithXattr("sneaky", name: "trusted.overlay.opaque", value: "y"),
            .fileWithXattr("noted", name: "user.note", value: "hello"),
        ], to: tar)
        let target = "\(scratch.path)/layer"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        _ = try LayerExtractor(into: target).extract(BlobReader(path: tar), label: "layer")

        for path in ["etc/motd", "gone/deeper/file"] {
            var info = stat()
            XCTAssertEqual(lstat("\(target)/\(path)", &info), 0, path)
            XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, path)
            XCTAssertEqual(info.st_rdev, 0, path)
        }
        XCTAssertEqual(try Xattr.get("\(target)/var", "trusted.overlay.opaque"), "y")
        XCTAssertEqual(try String(contentsOfFile: "\(target)/kept", encoding: .utf8), "mine",
                       "a whiteout hides lower layers only, never a file of its own layer")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(target)/.wh..wh.plnk"))
        XCTAssertNil(try Xattr.get("\(target)/sneaky", "trusted.overlay.opaque"), "only dockling may set overlay xattrs")
        XCTAssertEqual(try Xattr.get("\(target)/noted", "user.note"), "hello")
    }
}
