import Foundation
import XCTest
@testable import DocklingCore

/// The store's side of a build: an image made from a parent and a folder of changes (or
/// only a new config), tags given at the end, docker's extension fields kept, and the
/// images only the build cache names kept by garbage collection.
final class BuildImageTests: XCTestCase {
    private var scratch: ScratchDirectory!

    override func tearDown() { scratch = nil }

    override func setUpWithError() throws { scratch = try ScratchDirectory() }

    private func base(_ store: ImageStore) throws -> StoredImage {
        try scratch.write("tree/etc/motd", "base")
        _ = try store.snapshot(directory: scratch.path + "/tree",
                               settings: ImageSettings(cmd: "sh", entrypoint: nil, env: ["A=1"], workingDir: nil),
                               reference: ImageReference(parsing: "base:1"), createdBy: "test")
        return try store.image("base:1")
    }

    /// A config with docker's three extension fields set, and one more history entry:
    /// a metadata step's unless `makesLayer`.
    private func extended(_ parent: StoredImage, step: String, makesLayer: Bool = false) -> ImageConfiguration {
        var config = parent.config
        var execution = config.config ?? ExecutionConfig()
        execution.healthcheck = ExecutionConfig.Healthcheck(test: ["CMD", "true"], interval: 30_000_000_000,
                                                            startInterval: 5_000_000_000, retries: 3)
        execution.onBuild = ["COPY . /app"]
        execution.shell = ["/bin/ash", "-eo", "pipefail", "-c"]
        config.config = execution
        var entry = HistoryEntry(created: "2026-01-01T00:00:00Z", createdBy: step)
        entry.emptyLayer = makesLayer ? nil : true
        config.history = (config.history ?? []) + [entry]
        return config
    }

    func testMakeImageStacksTheChangesOnTheParentAndNamesNothing() throws {
        let store = scratch.store()
        let parent = try base(store)
        try scratch.write("changes/new.txt", "new")
        let image = try store.makeImage(parent: parent, changes: scratch.path + "/changes",
                                        config: extended(parent, step: "RUN make", makesLayer: true))
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path + "/changes"), "the folder is consumed")
        XCTAssertEqual(image.diffIDs.count, 2)
        XCTAssertEqual(Array(image.diffIDs.prefix(1)), parent.diffIDs, "the parent's layers are shared")
        XCTAssertEqual(Array(image.manifest.layers.prefix(1)), parent.manifest.layers)
        XCTAssertEqual(try String(contentsOfFile: store.layerDirectory(image.diffIDs[1]) + "/new.txt", encoding: .utf8), "new")
        XCTAssertEqual(image.config.history?.last?.createdBy, "RUN make")
        XCTAssertEqual(try store.images().map(\.id), [parent.id], "a build step's image is not listed")
        XCTAssertEqual(try store.image(manifest: image.manifestDigest)?.id, image.id, "yet it is found by its manifest")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store.root.tmp), [])
    }

    func testWithoutChangesTheImageHasTheSameLayersAndANewConfig() throws {
        let store = scratch.store()
        let parent = try base(store)
        let image = try store.makeImage(parent: parent, changes: nil, config: extended(parent, step: "ENV B=2"))
        XCTAssertEqual(image.manifest.layers, parent.manifest.layers)
        XCTAssertEqual(image.diffIDs, parent.diffIDs)
        XCTAssertNotEqual(image.id, parent.id)
        XCTAssertThrowsError(try store.makeImage(parent: parent, changes: nil,
                                                 config: extended(parent, step: "RUN true", makesLayer: true))) {
            XCTAssertTrue("\($0)".contains("2 history entries that made layers, but only 1 layers"), "\($0)")
        }
        var empty = extended(parent, step: "CMD")
        empty.history = [empty.history!.last!]
        let scratchImage = try store.makeImage(parent: nil, changes: nil, config: empty)
        XCTAssertEqual(scratchImage.diffIDs, [], "on nothing, the rootfs lists no layer whatever the config said")
    }

    func testTagNamesTheImageOnceForEveryReferenceAndMovesOldTags() throws {
        let store = scratch.store()
        let parent = try base(store)
        let image = try store.makeImage(parent: parent, changes: nil, config: extended(parent, step: "CMD"))
        try store.tag(image, as: [ImageReference(parsing: "app:1"), ImageReference(parsing: "base:1")])
        XCTAssertEqual(try store.lookup("app:1")?.id, image.id)
        XCTAssertEqual(try store.lookup("base:1")?.id, image.id, "the tag moved to the new image")
        XCTAssertEqual(try store.images().first { $0.id == parent.id }?.names, [], "the old image stays, <none>")
        let untagged = try store.makeImage(parent: parent, changes: nil, config: extended(parent, step: "LABEL"))
        try store.tag(untagged, as: [])
        XCTAssertEqual(try store.images().first { $0.id == untagged.id }?.names, [], "listed without a name")
        XCTAssertThrowsError(try store.tag(image, as: [ImageReference(parsing: "app@sha256:" + String(repeating: "a", count: 64))]))
    }

    func testTheExtensionFieldsUseDockersNamesAndSurviveSaveAndLoad() throws {
        let store = scratch.store()
        let parent = try base(store)
        let image = try store.makeImage(parent: parent, changes: nil, config: extended(parent, step: "HEALTHCHECK"))
        let json = String(decoding: image.configBytes, as: UTF8.self)
        for fragment in [#""Healthcheck":{"Interval":30000000000,"Retries":3,"StartInterval":5000000000,"Test":["CMD","true"]}"#,
                         #""OnBuild":["COPY . /app"]"#, #""Shell":["/bin/ash","-eo","pipefail","-c"]"#] {
            XCTAssertTrue(json.contains(fragment), json)
        }
        try store.tag(image, as: [ImageReference(parsing: "app:1")])
        for format in SaveFormat.allCases {
            let archive = "\(scratch.path)/app-\(format).tar"
            try store.save(["app:1"], format: format, to: .file(archive))
            let target = scratch.store("target-\(format)")
            _ = try target.load(from: .file(archive))
            let loaded = try target.image("app:1")
            XCTAssertEqual(loaded.id, image.id)
            XCTAssertEqual(loaded.config.config, image.config.config)
        }
        let inspection = try JSONCoding.encode(ImageInspection(image, layerDirectories: []))
        XCTAssertTrue(String(decoding: inspection, as: UTF8.self).contains(#""OnBuild":["COPY . /app"]"#))
    }

    func testACommitKeepsTheImagesExtensionFields() throws {
        let parent = try extended(base(scratch.store()), step: "x").config!
        let container = ContainerConfig(
            id: "c", name: "c", created: "now", image: "app", imageID: "sha256:x", layers: [], argv: ["sh"],
            entrypoint: nil, cmd: ["sh"], environment: [], workingDirectory: "/", user: nil, hostname: "c", mounts: [],
            limits: [:], network: "none", readOnlyRootfs: false, initProcess: false, autoRemove: false,
            interactive: false, tty: false)
        let committed = container.execution(over: parent)
        XCTAssertEqual(committed.healthcheck, parent.healthcheck)
        XCTAssertEqual(committed.onBuild, parent.onBuild)
        XCTAssertEqual(committed.shell, parent.shell)
    }

    func testGarbageCollectionKeepsWhatABuildCacheRecordNamesUntilTheCacheIsRemoved() throws {
        let store = scratch.store()
        let parent = try base(store)
        try scratch.write("changes/cached.txt", "cached")
        let cached = try store.makeImage(parent: parent, changes: scratch.path + "/changes",
                                         config: extended(parent, step: "RUN cached", makesLayer: true))
        let orphan = try store.makeImage(parent: parent, changes: nil, config: extended(parent, step: "RUN lost"))
        try FileManager.default.createDirectory(atPath: store.root.buildCache, withIntermediateDirectories: true)
        try AtomicFile.write(Array(#"{"manifestDigest":"\#(cached.manifestDigest)","step":"RUN cached"}"#.utf8),
                             to: store.root.buildCache + "/key-1.json")
        try scratch.write("store/cache/build-mounts/abc/kept", "between builds")
        let report = try store.collectGarbage()
        XCTAssertEqual(Set(report.blobs), [orphan.id, orphan.manifestDigest], "only the image no record names goes")
        XCTAssertNotNil(try store.image(manifest: cached.manifestDigest))
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.layerDirectory(cached.diffIDs[1])))

        XCTAssertEqual(Set(try BuildCacheRoots.removeAll(in: store.root)), ["key-1.json", "abc"])
        let after = try store.collectGarbage()
        XCTAssertEqual(Set(after.blobs), [cached.id, cached.manifestDigest, cached.manifest.layers[1].digest])
        XCTAssertEqual(after.layers, [cached.diffIDs[1]])
    }
}
