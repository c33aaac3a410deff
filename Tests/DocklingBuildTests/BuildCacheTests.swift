import DocklingBuild
import DocklingCore
import Foundation
import XCTest

/// The build cache remembers which image a key led to, and the last record of each step,
/// in JSON files under the store's cache/build/; no root needed.
final class BuildCacheTests: XCTestCase {
    private var path: String!
    private var root: StoreRoot { StoreRoot(path: path) }

    override func setUpWithError() throws {
        path = "/tmp/dockling-unit-cache-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path + "/tree", withIntermediateDirectories: true)
        try "x".write(toFile: path + "/tree/x", atomically: true, encoding: .utf8)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: path)
    }

    private func image(_ cmd: String) throws -> StoredImage {
        let store = ImageStore(root: root)
        let reference = try ImageReference(parsing: "step:\(cmd)")
        _ = try store.snapshot(directory: path + "/tree", settings: ImageSettings(cmd: cmd, entrypoint: nil, env: [], workingDir: nil),
                               reference: reference, createdBy: "test")
        return try store.image(reference.description)
    }

    func testARecordIsFoundByItsKeyAndAsTheLastOfItsStep() throws {
        let cache = BuildCache(root: root)
        let first = try image("one"), second = try image("two")
        let key = ContentKey(files: [ContentFile(path: "a.txt", kind: .file, mode: 0o644, uid: 0, gid: 0, size: 1)])
        let old = BuildCacheRecord(image: first, step: "[stage-0] COPY . /app", contentKey: key, parentImageID: "sha256:p")
        let new = BuildCacheRecord(image: second, step: "[stage-0] COPY . /app", parentImageID: "sha256:p")
        XCTAssertNil(cache.lookUp("key-1"))
        try cache.store(old, for: "key-1")
        try cache.store(new, for: "key-2")
        XCTAssertEqual(cache.lookUp("key-1"), old)
        XCTAssertEqual(cache.lookUp("key-1")?.contentKey, key, "the content key comes back, to explain a miss")
        XCTAssertEqual(cache.lookUp("key-2"), new)
        XCTAssertEqual(cache.lastRecord(step: "[stage-0] COPY . /app"), new)
        XCTAssertNil(cache.lastRecord(step: "[stage-0] RUN make"))
        XCTAssertEqual(cache.image(of: new)?.id, second.id)
        let files = try FileManager.default.contentsOfDirectory(atPath: root.buildCache)
        XCTAssertEqual(files.count, 3, "two keys and one step, no temporary files: \(files)")
        XCTAssertTrue(files.allSatisfy { $0.hasSuffix(".json") }, "\(files)")
    }

    func testARecordWhoseImageIsGoneIsAMissAndPruneForgetsEverything() throws {
        let cache = BuildCache(root: root)
        let made = try image("gone")
        try cache.store(BuildCacheRecord(image: made, step: "RUN x", parentImageID: "sha256:p"), for: "k")
        try FileManager.default.removeItem(atPath: ImageStore(root: root).content.path(of: made.manifestDigest))
        XCTAssertNil(cache.lookUp("k"), "an image that is not there any more cannot be reused")
        XCTAssertNil(cache.lastRecord(step: "RUN x"))
        XCTAssertEqual(try cache.prune(), 2)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.buildCache), [])
    }
}
