import Foundation
import XCTest
@testable import DocklingCore

/// The scan for leftovers of interrupted commands, on planted stores: what counts, what
/// a live process is still working on (and so does not), and that it changes nothing.
final class LeftoverScanTests: XCTestCase {
    private var scratch: ScratchDirectory!
    private var root: StoreRoot!
    /// Above the largest pid_max Linux allows (2^22): no process can have it.
    private let deadPID = "2147483647"
    private let id = String(repeating: "ab", count: 32)

    override func setUpWithError() throws {
        scratch = try ScratchDirectory()
        root = StoreRoot(path: scratch.path + "/store")
    }

    // XCTest keeps test cases alive to the end of the run: let go of the folder now.
    override func tearDown() { scratch = nil }

    private func plant(_ relative: String, directory: Bool = false) throws {
        if directory {
            try FileManager.default.createDirectory(atPath: "\(root.path)/\(relative)", withIntermediateDirectories: true)
        } else {
            try scratch.write("store/" + relative, "partial")
        }
    }

    private func everything() -> [String] {
        ["tmp", "containers"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: "\(root.path)/\(folder)")) ?? []).map { "\(folder)/\($0)" }
        }.sorted()
    }

    func testAnEmptyStoreHasNoLeftovers() {
        XCTAssertEqual(LeftoverScan(root: root).run(), Leftovers())
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.path), "looking made the store")
    }

    func testScratchOfGoneMakersAndAbandonedFoldersAreFoundAndNothingIsChanged() throws {
        try plant("tmp/images-blob-1234abcd")
        try plant("tmp/rootfs-busybox-\(deadPID)", directory: true)
        try plant("containers/.new-\(id)", directory: true)
        try plant("containers/.gone-\(deadPID)-\(id)", directory: true)
        try plant("containers/\(id)", directory: true)
        let before = everything()
        let found = LeftoverScan(root: root).run()
        XCTAssertEqual(found.scratch.sorted(), ["\(root.tmp)/images-blob-1234abcd", "\(root.tmp)/rootfs-busybox-\(deadPID)"])
        XCTAssertEqual(found.containerFolders.sorted(),
                       ["\(root.containers)/.gone-\(deadPID)-\(id)", "\(root.containers)/.new-\(id)"])
        XCTAssertEqual(found.summary, "2 scratch files, 2 unfinished container folders")
        XCTAssertEqual(everything(), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.path + "/images.lock"), "looking made a lock file")
    }

    func testWorkOfALiveProcessIsNotALeftover() throws {
        try plant("tmp/rootfs-busybox-\(getpid())", directory: true)
        try plant("containers/.gone-\(getpid())-\(id)", directory: true)
        // Named after no process: a detached dockling-stdio's log outlives its maker by design.
        try plant("tmp/stdio-\(deadPID).log")
        XCTAssertEqual(LeftoverScan(root: root).run(), Leftovers())
    }

    func testWhatIsMadeUnderALockThatIsHeldIsWorkInProgress() throws {
        try plant("tmp/images-blob-1234abcd")
        try plant("containers/.new-\(id)", directory: true)
        let scan = LeftoverScan(root: root)
        // flock locks belong to open files, so this process's own second open is refused.
        let whileImagesLocked = try FileLock.withLock(root.imagesLock, note: "test") { scan.run() }
        XCTAssertEqual(whileImagesLocked.scratch, [])
        XCTAssertEqual(whileImagesLocked.containerFolders, ["\(root.containers)/.new-\(id)"])
        let whileCreating = try FileLock.withLock(root.containersLock, note: "test") { scan.run() }
        XCTAssertEqual(whileCreating.scratch, ["\(root.tmp)/images-blob-1234abcd"])
        XCTAssertEqual(whileCreating.containerFolders, [])
        XCTAssertEqual(scan.run().summary, "1 scratch file, 1 unfinished container folder")
    }

    func testFolderNamesSayWhichContainerAndWhoseWork() throws {
        let removal = try XCTUnwrap(UnfinishedContainerFolder(path: "/s/containers/" + UnfinishedContainerFolder.removalName(of: id)))
        XCTAssertEqual(removal.id, id)
        XCTAssertEqual(removal.maker, getpid())
        let making = try XCTUnwrap(UnfinishedContainerFolder(path: "/s/containers/" + UnfinishedContainerFolder.creationName(of: id)))
        XCTAssertEqual(making.id, id)
        XCTAssertNil(making.maker)
        XCTAssertEqual(UnfinishedContainerFolder(path: "/s/containers/.gone-" + id)?.maker, nil, "a removal from before pids were named")
        XCTAssertNil(UnfinishedContainerFolder(path: "/s/containers/" + id))
        XCTAssertNil(UnfinishedContainerFolder(path: "/s/containers/.lock"))
    }

    func testTheSummaryCountsEachKindInWords() {
        XCTAssertEqual(Leftovers(crashedContainers: [id]).summary, "cgroups of 1 crashed container")
        XCTAssertEqual(Leftovers(scratch: ["a"], crashedContainers: [id, id]).summary,
                       "1 scratch file, cgroups of 2 crashed containers")
        XCTAssertTrue(Leftovers().isEmpty)
    }
}
