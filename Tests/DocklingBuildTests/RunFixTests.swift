import DocklingCore
import Foundation
import XCTest
@testable import DocklingBuild

/// RUN's input from the Dockerfile taken as untrusted: heredoc names, `--mount` values,
/// output of any shape, and cache-key parts that could pass for one another. No root.
final class RunFixTests: XCTestCase {
    private var path: String!

    override func setUpWithError() throws {
        path = "/tmp/dockling-unit-runfix-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: path) }

    private func steps(_ text: String) throws -> [Step] {
        try Dockerfile.parse(text, file: "Dockerfile").stages[0].steps
    }

    func testAHeredocScriptIsWrittenUnderAFixedNameAndABadNameIsRefused() throws {
        let outside = path + "/PWNED"
        let name = String(repeating: "../", count: 12) + outside.dropFirst()
        for bad in [name, "a,b", "a=b", ".."] {
            guard case .run(let run) = try steps("FROM busybox\nRUN <<\(bad)\n#!/bin/sh\necho hi\n\(bad)\n")[0].instruction else {
                return XCTFail("not a RUN")
            }
            var heredoc = HeredocRun(run)
            XCTAssertThrowsError(try heredoc.form(scratch: path + "/scratch"), bad) { error in
                XCTAssertTrue("\(error)".contains("heredoc name \"\(bad)\" cannot name a script in /dev/pipes"), "\(error)")
            }
            heredoc.remove()
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path), [], "nothing was written")

        guard case .run(let run) = try steps("FROM busybox\nRUN <<run.sh\n#!/bin/sh\necho hi\nrun.sh\n")[0].instruction else {
            return XCTFail("not a RUN")
        }
        var heredoc = HeredocRun(run)
        XCTAssertEqual(try heredoc.form(scratch: path + "/scratch"), .shell("/dev/pipes/run.sh"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path + "/scratch"), ["script"])
        XCTAssertEqual(heredoc.mounts, ["type=bind,from=/dev/pipes,source=script,target=/dev/pipes/run.sh"])
        XCTAssertEqual(heredoc.settings.count, 1, "the script's body is in the cache key")
        heredoc.remove()
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "/scratch"))
    }

    func testAMountFieldWithoutAKeyIsBuildKitsErrorNotACrash() {
        for text in ["type=cache,=,target=/c", "=", "type=tmpfs,target=/t,=x"] {
            XCTAssertThrowsError(try RunMount(parsing: text), text) { error in
                XCTAssertTrue("\(error)".contains("RUN --mount=\(text): invalid field '="), "\(error)")
                XCTAssertTrue("\(error)".contains("must be a key=value pair"), "\(error)")
            }
        }
    }

    func testOutputWithoutNewlinesIsCutAndClippedInLinearTime() {
        var lines = OutputLines()
        var handed: [String] = []
        let frame = [UInt8](repeating: UInt8(ascii: "x"), count: 60_000)
        let started = Date()
        for _ in 0..<(20_000_000 / frame.count) {
            lines.feed(AttachFrame(.stdout, frame)) { handed.append($0) }
        }
        lines.finish { handed.append($0) }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "20 MB without a newline must not take long")
        let pieces = OutputLines.budget / (OutputLines.maximumLine + 1)
        XCTAssertEqual(handed.count, pieces + 1)
        XCTAssertEqual(Set(handed.dropLast().map(\.count)), [OutputLines.maximumLine])
        XCTAssertEqual(handed.last, "[output clipped, log limit 2MiB reached]")
    }

    func testLinesInPiecesOfBothStreamsStayWholeAndApart() {
        var lines = OutputLines()
        var handed: [String] = []
        for (kind, text) in [(AttachFrame.Kind.stdout, "one "), (.stderr, "err"), (.stdout, "line\ntwo"), (.stderr, "or\n")] {
            lines.feed(AttachFrame(kind, Array(text.utf8))) { handed.append($0) }
        }
        lines.finish { handed.append($0) }
        XCTAssertEqual(handed, ["one line", "error", "two"])
    }

    func testCacheKeyPartsCannotPassForOneAnother() {
        let joined = CacheKey(parent: "p", instruction: "RUN a\nsetting mount=type=cache,target=/c")
        let apart = CacheKey(parent: "p", instruction: "RUN a", settings: ["mount=type=cache,target=/c"])
        XCTAssertEqual(joined.parts.joined(separator: "\n"), apart.parts.joined(separator: "\n"))
        XCTAssertNotEqual(joined.digest, apart.digest)
        XCTAssertEqual(apart.digest, CacheKey(parent: "p", instruction: "RUN a", settings: ["mount=type=cache,target=/c"]).digest)
    }

    func testAWorkdirThatLeadsToTheRootHasNoProgressLine() throws {
        let steps = try steps("FROM busybox\nWORKDIR /\nRUN true\nWORKDIR /app\nWORKDIR ..\nWORKDIR /x/../\nCOPY a /a\nWORKDIR $DIR\n")
        XCTAssertEqual(StageState.vertexCount(steps, fromImage: true), 5, "FROM, RUN, WORKDIR /app, COPY, WORKDIR $DIR")
        XCTAssertEqual(StageState.vertexCount(steps, fromImage: false), 4)
    }
}
