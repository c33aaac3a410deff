import XCTest

/// `dockling builder prune` and `system prune` forget the build cache: the next build
/// runs every step again, and the step images only the cache kept are gone.
final class BuilderPruneSystemTests: XCTestCase {
    private var fixture: BuildFixture?

    override func tearDownWithError() throws { try fixture?.clean() }

    func testPruneForgetsTheCacheAndFreesTheStepImages() throws {
        let fixture = try BuildFixture("builder-prune")
        self.fixture = fixture
        try fixture.dockerfile("FROM busybox\nRUN echo one > /one\nRUN echo two > /two\n")
        let first = try fixture.buildID()
        let cached = try fixture.buildID()
        XCTAssertEqual(cached.id, first.id, "a fully cached rebuild gives the same image")
        XCTAssertTrue(cached.progress.contains("#6 CACHED"), cached.progress)

        let pruned = try fixture.cli.succeed(["builder", "prune", "-f"])
        XCTAssertTrue(pruned.hasPrefix("Deleted build cache objects:\n"), pruned)
        XCTAssertTrue(pruned.contains("\nkey-") && pruned.contains("\nstep-"), "the records by key and by step: \(pruned)")
        XCTAssertFalse(pruned.hasSuffix("Total reclaimed space: 0B\n"), "the first RUN's step image only the cache kept: \(pruned)")
        XCTAssertEqual(try fixture.cli.succeed(["builder", "prune", "-f"]), "Total reclaimed space: 0B\n")

        let again = try fixture.buildID()
        XCTAssertTrue(again.progress.contains("#5 cache miss: RUN echo one > /one — first build of this step"), again.progress)
        XCTAssertEqual(try fixture.run(again.id, ["cat", "/one", "/two"]), "one\ntwo\n")

        let system = try fixture.cli.succeed(["system", "prune", "-f"])
        XCTAssertTrue(system.contains("Deleted build cache objects: "), system)
        XCTAssertTrue(try fixture.buildID().progress.contains("first build of this step"))
    }
}
