@testable import DocklingBuild
import DocklingCore
import XCTest

/// The builder's spellings that must match docker's byte for byte — the Dockerfile excerpt
/// under a failure, Go's durations in HEALTHCHECK history entries, EXPOSE's ports, WORKDIR —
/// and what `dockling-build` shows of a step: its cache key's parts, its config change.
final class BuilderFormatTests: XCTestCase {
    func testTheExcerptShowsTwoLinesAroundAOneLineInstruction() {
        let text = "FROM alpine\n\nRUN exit 1\n\nCOPY . /src\nCMD x\n"
        let excerpt = DockerfileExcerpt(file: "Dockerfile", text: text, lines: 3...3)
        XCTAssertEqual(excerpt.rendered, [
            "Dockerfile:3", "--------------------",
            "   1 |     FROM alpine", "   2 |     ", "   3 | >>> RUN exit 1", "   4 |     ", "   5 |     COPY . /src",
            "--------------------",
        ])
    }

    func testTheExcerptEndsWithTheFilesLastLine() {
        let excerpt = DockerfileExcerpt(file: "Dockerfile", text: "FROM busybox\nRUN false\n", lines: 2...2)
        XCTAssertEqual(excerpt.rendered, ["Dockerfile:2", "--------------------",
                                          "   1 |     FROM busybox", "   2 | >>> RUN false", "--------------------"])
    }

    func testTheExcerptOfAContinuedInstructionMarksEveryLineAndPadsLess() {
        let text = "FROM alpine\nRUN a \\\n  b\nCMD x\nENV y=1\n"
        let excerpt = DockerfileExcerpt(file: "Dockerfile.dev", text: text, lines: 2...3)
        XCTAssertEqual(excerpt.rendered, [
            "Dockerfile.dev:2", "--------------------",
            "   1 |     FROM alpine", "   2 | >>> RUN a \\", "   3 | >>>   b", "   4 |     CMD x",
            "--------------------",
        ])
    }

    func testTheFailureReportEndsWithDockersErrorLine() {
        var failure = BuildFailure("process \"/bin/sh -c false\" did not complete successfully: exit code: 1",
                                   vertex: "[2/2] RUN false", lines: 2...2)
        failure.logTail = ["0.012 oops"]
        XCTAssertEqual(failure.report, ["------", " > [2/2] RUN false:", "0.012 oops", "------",
                                        "ERROR: failed to solve: process \"/bin/sh -c false\" did not complete successfully: exit code: 1"])
        XCTAssertEqual(failure.exitCode, 1)
    }

    func testDurationsAreSpelledAsGoSpellsThem() {
        XCTAssertEqual(GoFormat.duration(0), "0s")
        XCTAssertEqual(GoFormat.duration(30_000_000_000), "30s")
        XCTAssertEqual(GoFormat.duration(300_000_000_000), "5m0s")
        XCTAssertEqual(GoFormat.duration(1_500_000_000), "1.5s")
        XCTAssertEqual(GoFormat.duration(3_600_000_000_000), "1h0m0s")
        XCTAssertEqual(GoFormat.duration(250_000_000), "250ms")
        XCTAssertEqual(GoFormat.duration(1_500), "1.5µs")
    }

    func testTheHealthcheckHistoryEntryIsGosPlusV() {
        let check = ExecutionConfig.Healthcheck(test: ["CMD-SHELL", "curl -f http://localhost/"],
                                                interval: 300_000_000_000, timeout: 3_000_000_000)
        XCTAssertEqual(Builder.goStruct(check), "{Test:[CMD-SHELL curl -f http://localhost/] Interval:5m0s Timeout:3s"
                       + " StartPeriod:0s StartInterval:0s Retries:0}")
    }

    func testExposedPortsGetAProtocolAndRangesExpand() throws {
        XCTAssertEqual(try Builder.exposedPorts("80"), ["80/tcp"])
        XCTAssertEqual(try Builder.exposedPorts("53/UDP"), ["53/udp"])
        XCTAssertEqual(try Builder.exposedPorts("8000-8002"), ["8000/tcp", "8001/tcp", "8002/tcp"])
        XCTAssertThrowsError(try Builder.exposedPorts("80/http"))
        XCTAssertThrowsError(try Builder.exposedPorts("eighty"))
    }

    func testWorkdirIsRelativeToTheOneBeforeAndCleaned() {
        XCTAssertEqual(Builder.workingDirectory("b", after: "/a"), "/a/b")
        XCTAssertEqual(Builder.workingDirectory("/x/./y/../z/", after: "/a"), "/x/z")
        XCTAssertEqual(Builder.workingDirectory("..", after: "/"), "/")
    }

    func testTheCacheKeyIsTheDigestOfItsPartsAndEveryPartCounts() {
        let key = CacheKey(parent: "scratch", instruction: "COPY app /app # buildkit", source: "context sha256:aa")
        XCTAssertEqual(key.parts, ["parent scratch", "instruction COPY app /app # buildkit", "source context sha256:aa"])
        XCTAssertEqual(key.digest, CacheKey(parent: "scratch", instruction: "COPY app /app # buildkit",
                                            source: "context sha256:aa").digest)
        var other = key
        other.source = "context sha256:ab"
        XCTAssertNotEqual(other.digest, key.digest)
        other = key
        other.settings = ["network=host"]
        XCTAssertNotEqual(other.digest, key.digest)
    }

    func testAConfigChangeIsOneLinePerField() {
        let before = Builder.emptyConfig
        var after = before
        var execution = before.config!
        execution.env = (execution.env ?? []) + ["A=1"]
        execution.cmd = ["sh"]
        after.config = execution
        after.author = "me"
        XCTAssertEqual(ConfigChange.lines(from: before, to: after), ["Env: + A=1", "Cmd: (none) → [\"sh\"]", "Author: (none) → me"])
        XCTAssertEqual(ConfigChange.lines(from: after, to: after), [])
    }

    func testStepNamesAreNumberedToTheTotalsWidth() {
        var state = StageState(index: 0, label: "build", image: nil, config: Builder.emptyConfig,
                               args: ArgScope(given: [:], global: [:]), vertexTotal: 12)
        XCTAssertEqual(state.vertexName("RUN make"), "[build  1/12] RUN make")
        var single = StageState(index: 0, label: nil, image: nil, config: Builder.emptyConfig,
                                args: ArgScope(given: [:], global: [:]), vertexTotal: 2)
        XCTAssertEqual(single.vertexName("RUN x", trigger: true), "[1/2] ONBUILD RUN x")
    }
}
