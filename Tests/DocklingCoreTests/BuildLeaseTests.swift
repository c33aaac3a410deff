import Foundation
import XCTest
@testable import DocklingCore

/// A running build's lease: what it made or stands on survives every garbage collection
/// until the build ends; a killed build's lease counts for nothing and goes with the next
/// prune; a cache mount a step holds is not pruned.
final class BuildLeaseTests: XCTestCase {
    private var scratch: ScratchDirectory!

    override func setUpWithError() throws { scratch = try ScratchDirectory() }

    override func tearDown() { scratch = nil }

    private func base(_ store: ImageStore) throws -> StoredImage {
        try scratch.write("tree/etc/motd", "base")
        _ = try store.snapshot(directory: scratch.path + "/tree",
                               settings: ImageSettings(cmd: "sh", entrypoint: nil, env: [], workingDir: nil),
                               reference: ImageReference(parsing: "base:1"), createdBy: "test")
        return try store.image("base:1")
    }

    /// A step's image: the parent plus one file.
    private func step(on parent: StoredImage, _ store: ImageStore, lease: BuildLease?) throws -> StoredImage {
        try scratch.write("changes/step.txt", "step")
        var config = parent.config
        config.history = (config.history ?? []) + [HistoryEntry(created: "2026-01-01T00:00:00Z", createdBy: "RUN step")]
        return try store.makeImage(parent: parent, changes: scratch.path + "/changes", config: config, lease: lease)
    }

    func testAnImageALiveBuildMadeSurvivesGarbageCollectionUntilTheBuildEnds() throws {
        let store = scratch.store()
        let parent = try base(store)
        let lease = BuildLease(root: store.root)
        let leased = try step(on: parent, store, lease: lease)
        XCTAssertEqual(lease.manifests, [leased.manifestDigest], "written with the image, under the same lock")
        XCTAssertTrue(FileManager.default.fileExists(atPath: lease.path))
        XCTAssertTrue(Path.base(of: lease.path).hasPrefix("lease-\(getpid())-"))

        let report = try store.collectGarbage()
        XCTAssertEqual(report.blobs, [])
        XCTAssertNotNil(try store.image(manifest: leased.manifestDigest))
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.layerDirectory(leased.diffIDs[1])))
        XCTAssertEqual(try BuildCacheRoots.removeAll(in: store.root), [], "a live lease is no cache to prune")
        XCTAssertTrue(FileManager.default.fileExists(atPath: lease.path), "builder prune leaves a live lease")

        lease.end()
        XCTAssertFalse(FileManager.default.fileExists(atPath: lease.path))
        let after = try store.collectGarbage()
        XCTAssertEqual(Set(after.blobs), [leased.id, leased.manifestDigest, leased.manifest.layers[1].digest])
        XCTAssertNil(try store.image(manifest: leased.manifestDigest))
    }

    func testAnImageMadeWithoutALeaseIsGarbageAtOnce() throws {
        let store = scratch.store()
        let unleased = try step(on: try base(store), store, lease: nil)
        XCTAssertEqual(Set(try store.collectGarbage().blobs).count, 3)
        XCTAssertNil(try store.image(manifest: unleased.manifestDigest))
    }

    func testALeasedBaseImageOutlivesItsRemoval() throws {
        let store = scratch.store()
        let parent = try base(store)
        let lease = BuildLease(root: store.root)
        defer { lease.end() }
        let found = try store.leasing(lease) { try store.resolve("base:1") }
        XCTAssertEqual(found?.id, parent.id)
        XCTAssertNil(try store.leasing(lease) { try store.resolve("absent:1") })
        XCTAssertEqual(lease.manifests, [parent.manifestDigest])
        _ = try store.remove("base:1", force: false)
        XCTAssertEqual(try store.images().count, 0, "rmi untagged it")
        XCTAssertNotNil(try store.image(manifest: parent.manifestDigest), "the build still stands on it")
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.layerDirectory(parent.diffIDs[0])))
    }

    func testTheLeaseOfABuildThatIsGoneCountsForNothingAndGoesWithThePrune() throws {
        let store = scratch.store()
        let image = try step(on: try base(store), store, lease: nil)
        // Our pid with another start time: a process that had this pid before us.
        let started = try XCTUnwrap(ContainerLiveness.startTime(of: getpid()))
        try FileManager.default.createDirectory(atPath: store.root.buildCache, withIntermediateDirectories: true)
        let dead = store.root.buildCache + "/lease-\(getpid())-\(started + 1).json"
        try AtomicFile.write(json: BuildLease.Holder(pid: getpid(), startTime: started + 1,
                                                     manifests: [image.manifestDigest]), to: dead)
        XCTAssertFalse(BuildCacheRoots.manifests(in: store.root).contains(image.manifestDigest))
        XCTAssertEqual(try BuildCacheRoots.removeAll(in: store.root), [], "removed, though no cache object")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dead))
    }

    func testPruneLeavesARecordOrLeaseBeingWrittenByALiveProcess() throws {
        let store = scratch.store()
        try scratch.write("store/cache/build/key-1.json.tmp-\(getpid())", "half")
        try scratch.write("store/cache/build/lease-1-2-x.json.tmp-\(getpid())", "half")
        try scratch.write("store/cache/build/key-2.json.tmp-999999999", "a dead writer's")
        XCTAssertEqual(try BuildCacheRoots.removeAll(in: store.root), ["key-2.json.tmp-999999999"])
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: store.root.buildCache)),
                       ["key-1.json.tmp-\(getpid())", "lease-1-2-x.json.tmp-\(getpid())"])
    }

    func testPruneSkipsACacheMountAStepHolds() throws {
        let store = scratch.store()
        try scratch.write("store/cache/build-mounts/held/file", "in use")
        try scratch.write("store/cache/build-mounts/free/file", "not in use")
        let fd = try XCTUnwrap(try BuildCacheRoots.holdMount(store.root.buildMounts + "/held"))
        XCTAssertEqual(try BuildCacheRoots.removeAll(in: store.root), ["free"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.root.buildMounts + "/held/file"))
        try Kernel.close(fd, note: "the step is over")
        XCTAssertEqual(try BuildCacheRoots.removeAll(in: store.root), ["held"])
    }
}
