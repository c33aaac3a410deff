import Foundation
import XCTest
@testable import DocklingCore

/// save → load round trips, and import of plain, gzip and zstd tarballs.
final class ImageArchiveTests: XCTestCase {
    private var scratch: ScratchDirectory!

    // XCTest keeps test cases alive to the end of the run: let go of the folder now.
    override func tearDown() { scratch = nil }

    override func setUpWithError() throws { scratch = try ScratchDirectory() }

    func testSaveAndLoadKeepDigestsAndNamesInBothFormats() throws {
        try scratch.write("tree/etc/motd", "hi")
        let source = scratch.store("source")
        let made = try source.snapshot(directory: scratch.path + "/tree",
                                       settings: ImageSettings(cmd: "cat /etc/motd", entrypoint: nil, env: ["A=1"], workingDir: "/etc"),
                                       reference: ImageReference(parsing: "quay.io/me/app:1"), createdBy: "test")
        for format in SaveFormat.allCases {
            let archive = "\(scratch.path)/app-\(format).tar"
            try source.save(["quay.io/me/app:1"], format: format, to: .file(archive))
            let again = try host("sha256sum", [archive])
            try source.save(["quay.io/me/app:1"], format: format, to: .file(archive))
            XCTAssertEqual(try host("sha256sum", [archive]), again, "saving is deterministic")
            let target = scratch.store("target-\(format)")
            let loaded = try target.load(from: .file(archive))
            XCTAssertEqual(loaded.map(\.names), [[try ImageReference(parsing: "quay.io/me/app:1")]])
            let image = try target.image("quay.io/me/app:1")
            XCTAssertEqual(image.id, made.config.descriptor.digest)
            XCTAssertEqual(image.manifestDigest, made.manifest.descriptor.digest)
            XCTAssertEqual(image.config.config?.workingDir, "/etc")
            XCTAssertEqual(try String(contentsOfFile: target.layerDirectories(of: image)[0] + "/etc/motd", encoding: .utf8), "hi")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.root.tmp), [])
        }
    }

    func testImportOfPlainGzipAndZstdTarballsGivesOneDiffId() throws {
        let tar = "\(scratch.path)/rootfs.tar"
        try PythonTar.write([.directory("bin/"), .file("bin/hello", "#!/bin/sh\necho hello\n")], to: tar)
        try host("sh", ["-c", "gzip -c \(tar) > \(tar).gz && zstd -q -c \(tar) > \(tar).zst"])
        let store = scratch.store()
        var diffIDs: [Digest] = []
        for (suffix, mediaType) in [("", MediaType.ociLayer), (".gz", MediaType.ociLayerGzip), (".zst", MediaType.ociLayerZstd)] {
            let image = try store.importTarball(from: .file(tar + suffix), reference: ImageReference(parsing: "rootfs\(suffix.isEmpty ? "" : ":" + suffix.dropFirst())"))
            XCTAssertEqual(image.manifest.layers.first?.mediaType, mediaType)
            XCTAssertEqual(image.config.history?.first?.comment, "Imported from \(tar + suffix)")
            diffIDs += image.diffIDs
        }
        XCTAssertEqual(Set(diffIDs).count, 1, "compression changes the blob, never the diff id")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store.root.layers).count, 1)
    }

    func testLoadRefusesALayerWhoseContentDoesNotMatchItsDiffId() throws {
        try scratch.write("tree/f", "f")
        let source = scratch.store("source")
        _ = try source.snapshot(directory: scratch.path + "/tree",
                                settings: ImageSettings(cmd: nil, entrypoint: nil, env: [], workingDir: nil),
                                reference: ImageReference(parsing: "app"), createdBy: "test")
        let archive = "\(scratch.path)/app.tar"
        try source.save(["app"], format: .docker, to: .file(archive))
        // Keep only manifest.json and the blobs, and swap the layer for another tar.
        let unpacked = "\(scratch.path)/unpacked"
        try host("sh", ["-c", "mkdir \(unpacked) && tar -xf \(archive) -C \(unpacked) && rm \(unpacked)/index.json"])
        let layer = try host("sh", ["-c", "cd \(unpacked) && python3 -c 'import json;print(json.load(open(\"manifest.json\"))[0][\"Layers\"][0])'"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try PythonTar.write([.file("other", "not the same layer")], to: "\(unpacked)/\(layer)")
        try host("tar", ["-cf", archive, "-C", unpacked, "."])
        let target = scratch.store("target")
        XCTAssertThrowsError(try target.load(from: .file(archive))) { XCTAssertTrue("\($0)".contains("config says"), "\($0)") }
        XCTAssertTrue(try target.images().isEmpty)
    }
}
