import Foundation
import XCTest
@testable import DocklingCore

/// `docker commit`'s conversion: an overlay upper directory's whiteouts become OCI
/// whiteouts in the layer tar, and unpack back into what overlayfs reads.
final class CommitWhiteoutTests: XCTestCase {
    /// An upper directory as overlayfs leaves it after `echo new > added`, `rm etc/gone
    /// etc/also-gone` (two whiteouts sharing one inode, as overlayfs ≥ 5.8 makes them) and
    /// `rm -r sbin && mkdir sbin && echo mine > sbin/tool`, with overlay xattrs about.
    private func makeUpper(in scratch: ScratchDirectory) throws -> String {
        guard getuid() == 0 else { throw XCTSkip("needs root: mknod of 0:0 whiteout devices and trusted.* xattrs") }
        try scratch.write("upper/added", "new")
        try scratch.write("upper/sbin/tool", "mine")
        let upper = scratch.path + "/upper"
        try FileManager.default.createDirectory(atPath: upper + "/etc", withIntermediateDirectories: true)
        try Kernel.mknodWhiteout(upper + "/etc/gone", note: "test")
        XCTAssertEqual(link(upper + "/etc/gone", upper + "/etc/also-gone"), 0)
        try Xattr.set(upper + "/sbin", "trusted.overlay.opaque", "y")
        try Xattr.set(upper + "/etc", "trusted.overlay.origin", "lower-file-handle")
        try Xattr.set(upper + "/added", "user.overlay.impure", "y")
        try Xattr.set(upper + "/added", "user.note", "kept")
        return upper
    }

    /// Each entry of a tar as Python's tarfile reads it: name, type, size, xattrs.
    private func listing(_ tar: String) throws -> [String] {
        let script = """
        import sys, tarfile
        for m in tarfile.open(sys.argv[1]):
            kind = 'dir' if m.isdir() else 'file' if m.isreg() else 'link' if m.islnk() else 'chr' if m.ischr() else 'other'
            xattrs = sorted(k[len('SCHILY.xattr.'):] + '=' + v for k, v in m.pax_headers.items() if k.startswith('SCHILY.xattr.'))
            print(m.name, kind, m.size, *xattrs)
        """
        return try host("python3", ["-c", script, tar]).split(separator: "\n").map(String.init)
    }

    private func writeLayer(_ directory: String, as source: LayerSource, in scratch: ScratchDirectory) throws -> (String, [LayerEntry]) {
        let staged = try StagingFile(in: scratch.path, prefix: "layer-", hashing: false)
        let entries = try LayerWriter.write(directory: directory, as: source, to: staged)
        let tar = scratch.path + "/layer.tar"
        try staged.commit(to: tar, note: "keep the layer for the test to read")
        return (tar, entries)
    }

    func testOverlayMarksBecomeOCIWhiteoutsAndOverlayXattrsStayBehind() throws {
        let scratch = try ScratchDirectory()
        let (tar, entries) = try writeLayer(try makeUpper(in: scratch), as: .overlayUpper, in: scratch)
        XCTAssertEqual(try listing(tar), [
            "added file 3 user.note=kept",
            "etc dir 0",
            "etc/.wh.also-gone file 0",
            "etc/.wh.gone file 0",
            "sbin dir 0",
            "sbin/.wh..wh..opq file 0",
            "sbin/tool file 4",
        ], "a whiteout is an empty file, never a hard link to another; the opaque marker follows its directory")
        XCTAssertEqual(entries.map(\.kind), [.file, .directory, .whiteout, .whiteout, .opaqueDirectory, .file])
        XCTAssertEqual(entries.first { $0.kind == .opaqueDirectory }?.tarNames, ["sbin/", "sbin/.wh..wh..opq"])
    }

    func testTheLayerUnpacksIntoWhatOverlayfsReads() throws {
        let scratch = try ScratchDirectory()
        let (tar, _) = try writeLayer(try makeUpper(in: scratch), as: .overlayUpper, in: scratch)
        let unpacked = scratch.path + "/unpacked"
        try FileManager.default.createDirectory(atPath: unpacked, withIntermediateDirectories: true)
        _ = try LayerExtractor(into: unpacked).extract(BlobReader(path: tar), label: "commit layer")
        XCTAssertTrue(OverlayEntry.isWhiteout(unpacked + "/etc/gone"))
        XCTAssertTrue(OverlayEntry.isWhiteout(unpacked + "/etc/also-gone"))
        XCTAssertTrue(OverlayEntry.isOpaque(unpacked + "/sbin"))
        XCTAssertNil(try Xattr.get(unpacked + "/etc", "trusted.overlay.origin"))
        XCTAssertEqual(try String(contentsOfFile: unpacked + "/sbin/tool", encoding: .utf8), "mine")
    }

    func testAPlainTreeIsWrittenAsItIs() throws {
        let scratch = try ScratchDirectory()
        let (tar, entries) = try writeLayer(try makeUpper(in: scratch), as: .tree, in: scratch)
        XCTAssertEqual(try listing(tar), [
            "added file 3 user.note=kept user.overlay.impure=y",
            "etc dir 0 trusted.overlay.origin=lower-file-handle",
            "etc/also-gone chr 0",
            "etc/gone link 0",
            "sbin dir 0 trusted.overlay.opaque=y",
            "sbin/tool file 4",
        ], "only a commit reads overlay marks: a snapshot keeps devices, links and xattrs")
        XCTAssertEqual(entries.map(\.kind), [.file, .directory, .device, .hardlink, .directory, .file])
    }

    func testAFileNamedLikeAWhiteoutIsRefused() throws {
        let scratch = try ScratchDirectory()
        let upper = try makeUpper(in: scratch)
        try scratch.write("upper/.wh.sneaky", "")
        XCTAssertThrowsError(try writeLayer(upper, as: .overlayUpper, in: scratch)) { error in
            XCTAssertTrue("\(error)".contains("'.wh.sneaky'"), "\(error)")
        }
    }

    /// U+0301 right after a slash joins it into one Swift Character: the whiteout must
    /// still land in its own directory, and `.wh.` be spotted byte for byte.
    func testACombiningMarkAfterASlashKeepsTheWhiteoutInItsDirectory() throws {
        let scratch = try ScratchDirectory()
        let upper = try makeUpper(in: scratch)
        try Kernel.mknodWhiteout(upper + "/etc/\u{301}gone", note: "test")
        let (tar, _) = try writeLayer(upper, as: .overlayUpper, in: scratch)
        let names = try listing(tar)
        XCTAssertTrue(names.contains("etc/.wh.\u{301}gone file 0"), "\(names)")
        try scratch.write("upper/.wh.\u{301}sneaky", "")
        XCTAssertThrowsError(try writeLayer(upper, as: .overlayUpper, in: scratch)) { error in
            XCTAssertTrue("\(error)".contains("'.wh.\u{301}sneaky'"), "\(error)")
        }
    }
}
