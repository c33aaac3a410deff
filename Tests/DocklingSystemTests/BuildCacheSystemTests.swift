import Foundation
import XCTest

/// The build cache: content-based keys, the same image id for a fully cached rebuild, and
/// one line per miss saying why.
final class BuildCacheSystemTests: XCTestCase {
    private var fixture: BuildFixture!

    override func setUpWithError() throws { fixture = try BuildFixture("build-cache") }
    override func tearDownWithError() throws { try fixture?.clean() }

    private let dockerfile = """
        FROM busybox AS build
        ENV STAGE=build
        COPY app /app
        RUN cat /app/main.c > /built
        FROM busybox
        COPY --from=build /built /built
        CMD ["cat", "/built"]
        """

    func testAFullyCachedRebuildGivesTheSameImageAndSaysCached() throws {
        try fixture.write("app/main.c", "int main(void) { return 0; }\n")
        try fixture.dockerfile(dockerfile)
        let first = try fixture.buildID(["-t", "cached:1"])
        XCTAssertTrue(first.progress.contains("cache miss: COPY app /app — first build of this step"), first.progress)
        let second = try fixture.buildID(["-t", "cached:1"])
        XCTAssertEqual(second.id, first.id)
        XCTAssertFalse(second.progress.contains("cache miss"), second.progress)
        XCTAssertEqual(second.progress.components(separatedBy: "CACHED").count - 1, 3, second.progress)
        XCTAssertTrue(second.progress.contains("naming to docker.io/library/cached:1 done"), second.progress)
        let noCache = try fixture.buildID(["--no-cache"])
        XCTAssertTrue(noCache.progress.contains("cache miss: RUN cat /app/main.c > /built — --no-cache"), noCache.progress)
        XCTAssertFalse(noCache.progress.contains("CACHED"), noCache.progress)
    }

    /// touch changes only the mtime: still cached. An edit and a chmod each miss, and the
    /// miss line names the file and what changed; the step after says its parent changed.
    func testTouchKeepsTheCacheWhileAnEditOrAChmodSaysWhatChanged() throws {
        try fixture.write("app/main.c", "int main(void) { return 0; }\n")
        try fixture.write("app/run.sh", "#!/bin/sh\n")
        try fixture.dockerfile(dockerfile)
        let first = try fixture.buildID()

        let later = Date().addingTimeInterval(60)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: fixture.context.path + "/app/main.c")
        let touched = try fixture.buildID()
        XCTAssertEqual(touched.id, first.id, touched.progress)

        try fixture.write("app/main.c", "int main(void) { return 1; }\n")
        let edited = try fixture.buildID()
        XCTAssertNotEqual(edited.id, first.id)
        XCTAssertTrue(edited.progress.contains("cache miss: COPY app /app — app/main.c changed (content)"), edited.progress)
        XCTAssertTrue(edited.progress.contains("cache miss: RUN cat /app/main.c > /built — parent changed (step 2 was rebuilt)"),
                      edited.progress)
        // COPY --from is keyed by the files it copies, named as the stage has them.
        XCTAssertTrue(edited.progress.contains("cache miss: COPY --from=build /built /built — /built changed (content)"),
                      edited.progress)

        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.context.path + "/app/run.sh")
        let chmodded = try fixture.buildID()
        XCTAssertTrue(chmodded.progress.contains("cache miss: COPY app /app — app/run.sh changed (mode 644 → 755)"),
                      chmodded.progress)
        // The final stage copies only /built, which the RUN wrote again with the same bytes:
        // BuildKit keys COPY --from by content, so it is CACHED and the image is the same.
        XCTAssertTrue(chmodded.progress.contains("cache miss: RUN cat /app/main.c > /built"), chmodded.progress)
        XCTAssertFalse(chmodded.progress.contains("cache miss: COPY --from"), chmodded.progress)
        XCTAssertEqual(chmodded.id, edited.id, chmodded.progress)
    }
}
