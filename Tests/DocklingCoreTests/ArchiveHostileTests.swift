import Foundation
import XCTest
@testable import DocklingCore

/// Layers that try to write outside their directory are refused whole, with the entry
/// named — whether they are unpacked directly or arrive through `import`.
final class ArchiveHostileTests: XCTestCase {
    private var scratch: ScratchDirectory!

    // XCTest keeps test cases alive to the end of the run: let go of the folder now.
    override func tearDown() { scratch = nil }
    /// A folder outside every layer that a hostile archive aims at.
    private var outside: String { scratch.path + "/outside" }

    override func setUpWithError() throws {
        scratch = try ScratchDirectory()
        try scratch.write("outside/victim", "keep me")
    }

    private var hostileLayers: [(name: String, entries: [PythonTar.Entry], culprit: String)] {
        [
            ("dotdot", [.file("../../../../../\(outside.dropFirst())/pwned", "x")], "pwned"),
            ("absolute", [.file("\(outside)/pwned", "x")], "\(outside)/pwned"),
            ("symlink-then-file", [.symlink("evil", to: outside), .file("evil/pwned", "x")], "evil/pwned"),
            ("symlink-then-dir", [.symlink("evil", to: outside), .directory("evil/sub/")], "evil/sub"),
            ("hardlink-absolute", [.hardlink("passwd", to: "\(outside)/victim")], "passwd"),
            ("hardlink-dotdot", [.hardlink("passwd", to: "../../../../../\(outside.dropFirst())/victim")], "passwd"),
            ("hardlink-through-symlink", [.symlink("evil", to: outside), .hardlink("passwd", to: "evil/victim")], "passwd"),
            ("whiteout-dotdot", [.file(".wh...", "")], ".wh..."),
            ("whiteout-through-symlink", [.symlink("evil", to: outside), .file("evil/.wh.victim", "")], "evil/.wh.victim"),
            ("opaque-through-symlink", [.symlink("evil", to: outside), .file("evil/.wh..wh..opq", "")], "evil/.wh..wh..opq"),
        ] + hiddenSlashLayers
    }

    /// A combining mark (U+0301) right after a slash joins it into one Swift Character,
    /// hiding that slash from a Character-wise split — but not from the kernel.
    private var hiddenSlashLayers: [(name: String, entries: [PythonTar.Entry], culprit: String)] {
        [
            ("hidden-slash-dotdot", [.file("../\u{301}pwned", "x")], "../\u{301}pwned"),
            ("hidden-slash-absolute", [.file("/\u{301}pwned", "x")], "/\u{301}pwned"),
            ("hidden-slash-whiteout-dotdot", [.file("../\u{301}made/.wh.victim", "")], "../\u{301}made/.wh.victim"),
            ("hidden-slash-whiteout-through-symlink", [.symlink("evil", to: outside), .file("evil/\u{301}made/.wh.victim", "")],
             "evil/\u{301}made/.wh.victim"),
            ("hidden-slash-opaque-through-symlink", [.symlink("evil", to: outside), .file("evil/\u{301}made/.wh..wh..opq", "")],
             "evil/\u{301}made/.wh..wh..opq"),
        ]
    }

    func testExtractorRefusesEveryHostileLayerNamingTheEntry() throws {
        for layer in hostileLayers {
            let tar = "\(scratch.path)/\(layer.name).tar"
            try PythonTar.write(layer.entries, to: tar)
            let target = "\(scratch.path)/unpacked-\(layer.name)"
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            XCTAssertThrowsError(try LayerExtractor(into: target).extract(BlobReader(path: tar), label: layer.name),
                                 layer.name) { error in
                XCTAssertTrue(error is ArchiveError, "\(layer.name): \(error)")
                XCTAssertTrue("\(error)".contains("refused entry '") && "\(error)".contains(layer.culprit),
                              "\(layer.name): \(error)")
            }
            try assertOutsideUntouched(layer.name)
        }
    }

    func testImportRefusesHostileLayersAndLeavesNothingBehind() throws {
        let store = scratch.store()
        for layer in hostileLayers {
            let tar = "\(scratch.path)/\(layer.name).tar"
            try PythonTar.write(layer.entries, to: tar)
            XCTAssertThrowsError(try store.importTarball(from: .file(tar), reference: ImageReference(parsing: "h:1")),
                                 layer.name)
            try assertOutsideUntouched(layer.name)
        }
        XCTAssertTrue(try store.images().isEmpty)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store.root.tmp), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store.root.layers), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store.root.blobs), [])
    }

    func testOrdinaryLinksInsideTheLayerAreKept() throws {
        let tar = "\(scratch.path)/fine.tar"
        try PythonTar.write([.directory("etc/"), .file("etc/motd", "hi"), .symlink("link", to: "/etc/passwd"),
                             .hardlink("etc/motd2", to: "etc/motd"), .symlink("up", to: "../../.."),
                             .file("etc/motd", "replaced")], to: tar)
        let target = "\(scratch.path)/fine"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let diffID = try LayerExtractor(into: target).extract(BlobReader(path: tar), label: "fine")
        XCTAssertEqual(diffID, Digest.of([UInt8](try Data(contentsOf: URL(fileURLWithPath: tar)))))
        XCTAssertEqual(try String(contentsOfFile: "\(target)/etc/motd", encoding: .utf8), "replaced")
        XCTAssertEqual(try String(contentsOfFile: "\(target)/etc/motd2", encoding: .utf8), "hi")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: "\(target)/link"), "/etc/passwd")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: "\(target)/up"), "../../..")
    }

    private func assertOutsideUntouched(_ name: String) throws {
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside), ["victim"], name)
        XCTAssertEqual(try String(contentsOfFile: "\(outside)/victim", encoding: .utf8), "keep me", name)
    }
}
