import Foundation
import XCTest
@testable import DocklingCore

final class ImageStoreTests: XCTestCase {
    private var scratch: ScratchDirectory!

    // XCTest keeps test cases alive to the end of the run: let go of the folder now.
    override func tearDown() { scratch = nil }

    override func setUpWithError() throws { scratch = try ScratchDirectory() }

    private func snapshot(_ store: ImageStore, _ tag: String, cmd: String = "sh") throws -> Snapshot {
        try store.snapshot(directory: scratch.path + "/tree",
                           settings: ImageSettings(cmd: cmd, entrypoint: nil, env: [], workingDir: nil),
                           reference: ImageReference(parsing: tag), createdBy: "test")
    }

    private func files(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    func testSnapshotIsAValidOCILayoutWithOneLayer() throws {
        try scratch.write("tree/hello.txt", "hello")
        let store = scratch.store()
        let result = try snapshot(store, "site:v1")
        let layout = try String(contentsOfFile: store.root.path + "/oci-layout", encoding: .utf8)
        XCTAssertEqual(layout, #"{"imageLayoutVersion":"1.0.0"}"#)
        XCTAssertEqual(result.layer.blob.digest, result.layer.diffID, "an uncompressed layer's digest is its diff id")
        XCTAssertEqual(result.config.descriptor.digest, Digest.of(result.config.bytes))
        XCTAssertEqual(files(store.root.blobs), [result.layer.blob.digest.hex, result.config.descriptor.digest.hex,
                                                 result.manifest.descriptor.digest.hex].sorted())
        XCTAssertEqual(try String(contentsOfFile: store.layerDirectory(result.layer.diffID) + "/hello.txt", encoding: .utf8), "hello")
        let image = try XCTUnwrap(try store.lookup("site:v1"))
        XCTAssertEqual(image.id, result.config.descriptor.digest)
        XCTAssertEqual(image.configBytes, result.config.bytes)
        XCTAssertEqual(image.config.config?.cmd, ["sh"])
        XCTAssertEqual(try store.layerDirectories(of: image), [store.layerDirectory(result.layer.diffID)])
        XCTAssertEqual(files(store.root.tmp), [], "nothing is left in the scratch folder")
    }

    func testSnapshottingTheSameDirectoryTwiceGivesTheSameLayer() throws {
        try scratch.write("tree/a/b.txt", "b")
        let store = scratch.store()
        let first = try snapshot(store, "one")
        let second = try snapshot(store, "two", cmd: "ls")
        XCTAssertEqual(first.layer.blob.digest, second.layer.blob.digest)
        XCTAssertNotEqual(first.config.descriptor.digest, second.config.descriptor.digest)
        XCTAssertEqual(files(store.root.layers).count, 1, "a shared layer is stored once")
        XCTAssertEqual(files(store.root.blobs).count, 5)
    }

    func testLookupByNameIdPrefixAndDigest() throws {
        try scratch.write("tree/f", "f")
        let store = scratch.store()
        let result = try snapshot(store, "quay.io/me/app:1")
        let id = result.config.descriptor.digest
        for text in ["quay.io/me/app:1", id.description, id.hex, String(id.hex.prefix(5)),
                     "quay.io/me/app@\(result.manifest.descriptor.digest)"] {
            XCTAssertEqual(try store.lookup(text)?.id, id, text)
        }
        XCTAssertNil(try store.lookup("quay.io/me/app:2"))
        XCTAssertNil(try store.lookup("app:1"))
        XCTAssertThrowsError(try store.image("nothing-here"))
    }

    func testTagsAndRemoval() throws {
        try scratch.write("tree/f", "f")
        let store = scratch.store()
        let result = try snapshot(store, "app:1")
        let image = try store.image("app:1")
        try store.tag(image.manifestDescriptor, as: ImageReference(parsing: "app:2"))
        XCTAssertEqual(try store.summaries().map { $0.reference?.familiarDescription }, ["app:1", "app:2"])
        XCTAssertThrowsError(try store.remove(image.id.hex, force: false), "two names: refused by id")
        XCTAssertEqual(try store.remove("app:1", force: false), ["Untagged: app:1"])
        XCTAssertEqual(files(store.root.blobs).count, 3, "the image still has a name")
        XCTAssertEqual(try store.remove("app:2", force: false),
                       ["Untagged: app:2", "Deleted: \(image.id)", "Deleted: \(result.layer.diffID)"])
        XCTAssertEqual(files(store.root.blobs), [])
        XCTAssertEqual(files(store.root.layers), [])
        XCTAssertThrowsError(try store.tag(image.manifestDescriptor, as: ImageReference(parsing: "x@\(image.id)")))
    }

    func testAContainerKeepsItsImage() throws {
        try scratch.write("tree/f", "f")
        let store = scratch.store()
        let result = try snapshot(store, "app")
        let id = ContainerID.generate()
        try scratch.write("store/containers/\(id)/config.json", #"{"image":"app","imageID":"\#(result.config.descriptor.digest)","other":1}"#)
        XCTAssertThrowsError(try store.remove("app", force: false)) { error in
            XCTAssertTrue("\(error)".contains(id), "\(error)")
        }
        XCTAssertEqual(try store.remove("app", force: true), ["Untagged: app:latest"])
        XCTAssertEqual(try store.summaries().map { $0.reference == nil }, [true], "kept, unnamed, for the container")
        XCTAssertEqual(try store.collectGarbage().blobs, [])
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.layerDirectory(result.layer.diffID)))
    }

    /// A container folder half made (`.new-<id>`) or half removed (`.gone-<pid>-<id>`) is
    /// no container: it must not keep its image from being removed.
    func testUnfinishedContainerFoldersDoNotKeepTheirImage() throws {
        try scratch.write("tree/f", "f")
        let store = scratch.store()
        let result = try snapshot(store, "app")
        let id = ContainerID.generate()
        let config = #"{"image":"app","imageID":"\#(result.config.descriptor.digest)"}"#
        for folder in [UnfinishedContainerFolder.creationName(of: id), UnfinishedContainerFolder.removalName(of: id)] {
            try scratch.write("store/containers/\(folder)/config.json", config)
        }
        XCTAssertEqual(try store.remove("app", force: false),
                       ["Untagged: app:latest", "Deleted: \(result.config.descriptor.digest)", "Deleted: \(result.layer.diffID)"])
    }

    func testCorruptBlobsAreDetectedOnRead() throws {
        try scratch.write("tree/f", "f")
        let store = scratch.store()
        let result = try snapshot(store, "app")
        let configPath = store.content.path(of: result.config.descriptor.digest)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: configPath))
        bytes[bytes.count - 2] ^= 1
        try bytes.write(to: URL(fileURLWithPath: configPath))
        XCTAssertThrowsError(try store.lookup("app")) { XCTAssertTrue("\($0)".contains("corrupt"), "\($0)") }
    }

    func testGarbageCollectionRemovesOnlyWhatNoImageNeeds() throws {
        try scratch.write("tree/f", "f")
        let store = scratch.store()
        let kept = try snapshot(store, "app")
        try store.content.write(Array("orphan".utf8), kind: "test blob")
        try FileManager.default.createDirectory(atPath: store.root.layers + "/" + Digest.of([7]).hex, withIntermediateDirectories: true)
        try scratch.write("store/tmp/images-blob-dead", "half written")
        try scratch.write("store/tmp/someone-elses", "not ours")
        let report = try store.collectGarbage()
        XCTAssertEqual(report.blobs, [Digest.of(Array("orphan".utf8))])
        XCTAssertEqual(report.layers, [Digest.of([7])])
        XCTAssertEqual(report.scratch, ["images-blob-dead"])
        XCTAssertEqual(files(store.root.tmp), ["someone-elses"])
        XCTAssertEqual(try store.lookup("app")?.id, kept.config.descriptor.digest)
    }

    func testAMissingLayerDirectoryIsUnpackedAgain() throws {
        try scratch.write("tree/f", "again")
        let store = scratch.store()
        let result = try snapshot(store, "app")
        try FileManager.default.removeItem(atPath: store.layerDirectory(result.layer.diffID))
        let directories = try store.layerDirectories(of: store.image("app"))
        XCTAssertEqual(try String(contentsOfFile: directories[0] + "/f", encoding: .utf8), "again")
    }
}
