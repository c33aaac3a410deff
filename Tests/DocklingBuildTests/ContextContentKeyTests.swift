@testable import DocklingBuild
import DocklingCore
import Foundation
import XCTest

/// The content key of what a COPY reads: content and metadata, never mtime, and a stat
/// cache so unchanged files are not read again.
final class ContextContentKeyTests: XCTestCase {
    private var scratch: ContextScratch!
    private var root = ""
    private var cacheFile = ""

    override func tearDown() {
        scratch = nil  // its folder goes now, not when XCTest lets go of the test case
    }

    override func setUpWithError() throws {
        scratch = try ContextScratch("key")
        root = try scratch.folder("context")
        cacheFile = scratch.path + "/cache/stat.json"
        try scratch.file("app/main.c", in: root, "int main;")
        try scratch.file("run.sh", in: root, "echo hi", mode: 0o644)
        try scratch.file("build.log", in: root, "noise")
    }

    private func key(_ sources: [String] = ["."], ignore: String = "") throws -> ContentKey {
        let context = try BuildContext(directory: root, ignore: IgnoreRules(text: ignore), statCache: cacheFile)
        return try context.contentKey(context.select(sources))
    }

    func testTheKeyListsEveryFileWithItsMetadata() throws {
        let key = try key()
        XCTAssertEqual(key.files.map(\.path), ["app", "app/main.c", "build.log", "run.sh"],
                       "a folder source is its contents")
        let main = try XCTUnwrap(key.files.first { $0.path == "app/main.c" })
        XCTAssertEqual(main.kind, .file)
        XCTAssertEqual(main.mode, 0o644)
        XCTAssertEqual(main.size, 9)
        XCTAssertEqual(main.contentDigest, Digest.of(Array("int main;".utf8)).description)
        XCTAssertTrue(key.digest.hasPrefix("sha256:"))
    }

    func testTouchKeepsTheKeyAndEditChmodAddRemoveChangeIt() throws {
        let before = try key()
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        XCTAssertEqual(utimensat(AT_FDCWD, root + "/app/main.c", &times, 0), 0)
        XCTAssertEqual(try key(), before, "mtime is not part of the key")

        try scratch.file("app/main.c", in: root, "int main(void);")
        XCTAssertEqual(chmod(root + "/run.sh", 0o755), 0)
        try scratch.file("new.txt", in: root)
        try FileManager.default.removeItem(atPath: root + "/build.log")
        let after = try key()
        XCTAssertNotEqual(after.digest, before.digest)
        XCTAssertEqual(after.differences(from: before), [
            "app/main.c changed (content)", "build.log removed", "new.txt added", "run.sh changed (mode 644 → 755)",
        ])
    }

    func testSymlinksCountAsTheirTargetTextAndOwnersCount() throws {
        try requireRootForOwners()
        try scratch.link("current", in: root, to: "app")
        let before = try key()
        try FileManager.default.removeItem(atPath: root + "/current")
        try scratch.link("current", in: root, to: "run.sh")
        XCTAssertEqual(lchown(root + "/run.sh", 1000, 1000), 0)
        XCTAssertEqual(try key().differences(from: before),
                       ["current changed (link app → run.sh)", "run.sh changed (owner 0:0 → 1000:1000)"])
    }

    func testIgnoredFilesAreNotInTheKey() throws {
        let before = try key(ignore: "*.log")
        XCTAssertFalse(before.files.contains { $0.path == "build.log" })
        try scratch.file("build.log", in: root, "more noise")
        XCTAssertEqual(try key(ignore: "*.log"), before, "an excluded file can change without a miss")
    }

    private func cachedRecords() throws -> [String: StatCache.Record] {
        let data = try XCTUnwrap(FileManager.default.contents(atPath: cacheFile))
        return try JSONDecoder().decode([String: StatCache.Record].self, from: data)
    }

    func testUnchangedFilesAreTakenFromTheStatCacheAndChangedOnesReadAgain() throws {
        usleep(UInt32(StatCache.racyWindow / 1000) + 50_000)  // older than the racy window
        let first = try key(["app/main.c"])
        var records = try cachedRecords()
        let path = try XCTUnwrap(records.keys.first { $0.hasSuffix("/app/main.c") })
        // Plant a digest the file cannot have: only a key that skipped reading the file can show it.
        let planted = "sha256:" + String(repeating: "0", count: 64)
        records[path]?.digest = planted
        try JSONEncoder().encode(records).write(to: URL(fileURLWithPath: cacheFile))
        XCTAssertEqual(try key(["app/main.c"]).files.first?.contentDigest, planted,
                       "same device, inode, size, mtime and ctime: the file was not read again")

        try scratch.file("app/main.c", in: root, "int main(int);")
        let reread = try key(["app/main.c"])
        XCTAssertEqual(reread.files.first?.contentDigest, Digest.of(Array("int main(int);".utf8)).description)
        XCTAssertNotEqual(reread, first)
    }

    func testALinkToNothingIsNothingToCopy() throws {
        try scratch.link("dangling-dir/x", in: root, to: "/nowhere")
        let context = try BuildContext(directory: root, ignore: .none, statCache: nil)
        let error = try XCTUnwrap(contextError { _ = try context.select(["dangling-dir/x"]) })
        XCTAssertEqual(error.what, "\"/dangling-dir/x\": not found", "a link to nothing is nothing to copy")
    }

    func testAFileChangedJustBeforeHashingIsNotRemembered() throws {
        usleep(UInt32(StatCache.racyWindow / 1000) + 50_000)
        try scratch.file("fresh.txt", in: root, "just written")
        _ = try key(["run.sh", "fresh.txt"])
        let paths = try cachedRecords().keys
        XCTAssertTrue(paths.contains { $0.hasSuffix("/run.sh") })
        XCTAssertFalse(paths.contains { $0.hasSuffix("/fresh.txt") },
                       "written within a clock tick of the hash, it could change again unseen")
    }

    func testAnUnchangedFileIsNotOpenedAgain() throws {
        try requireRootForOwners()
        XCTAssertEqual(chmod(root + "/app/main.c", 0o600), 0)
        usleep(UInt32(StatCache.racyWindow / 1000) + 50_000)
        let first = try key(["app/main.c"])
        // From here on files are checked as user 65534, who may not read main.c (0600, root's).
        try Kernel.setfsuid(65534, note: "test: a user who cannot read main.c")
        defer { _ = try? Kernel.setfsuid(0, note: "test: back to root") }
        XCTAssertEqual(try key(["app/main.c"]), first, "the stat cache answered: main.c was not opened")
        _ = try Kernel.setfsuid(0, note: "test: root edits the file")
        try scratch.file("app/main.c", in: root, "int main(int);", mode: 0o600)
        try Kernel.setfsuid(65534, note: "test: a user who cannot read main.c")
        let error = try XCTUnwrap(contextError { _ = try key(["app/main.c"]) })
        XCTAssertTrue(error.what.contains("/app/main.c to hash it"), "a changed file is read again: \(error.what)")
    }
}
