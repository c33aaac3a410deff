import Foundation
import XCTest

/// `dockling-build parse` prints a Dockerfile as read: `--format dump` is BuildKit's own parser
/// test format (`Node.Dump()`), byte for byte on BuildKit's corpus; `--format json` the typed
/// instructions stage by stage; `-` reads standard input; a Dockerfile BuildKit rejects fails
/// naming the file and the line, printing nothing on standard output.
final class BuildParseSystemTests: XCTestCase {
    private var folder: TemporaryRoot!

    override func setUpWithError() throws { folder = try TemporaryRoot("build-parse") }
    override func tearDownWithError() throws { folder = nil }

    /// BuildKit's parser test corpus, as the unit tests hold it (`Corpus/README.md`).
    private static let corpus = Tool.packageRoot.appendingPathComponent("Tests/DocklingBuildTests/Corpus").path

    private static let dockerfile = #"""
        # syntax=docker/dockerfile:1
        ARG BASE=busybox
        FROM $BASE AS build
        ENV A=1 B="two words"
        ENV LEGACY value with spaces
        RUN echo $A \
        # a comment inside the continued lines
            && echo done
        COPY --from=build --chown=1:2 /a /b/
        RUN <<EOF
        echo hi
        EOF
        ONBUILD RUN echo later
        HEALTHCHECK --interval=5s CMD ["true"]
        CMD ["sh", "-c", "echo hi"]

        """#

    /// BuildKit's `Node.Dump()` of it: no directive, comment or heredoc body, flags as Go's %q
    /// of a list, an ENV pair followed by its separator ("=" or "" for the legacy form), the
    /// continued lines joined without the backslash or the comment.
    private static let dump = #"""
        (arg "BASE=busybox")
        (from "$BASE" "AS" "build")
        (env "A" "1" "=" "B" "\"two words\"" "=")
        (env "LEGACY" "value with spaces" "")
        (run "echo $A     && echo done")
        (copy ["--from=build" "--chown=1:2"] "/a" "/b/")
        (run "<<EOF")
        (onbuild (run "echo later"))
        (healthcheck ["--interval=5s"] "CMD" "true")
        (cmd "sh" "-c" "echo hi")

        """#

    private func parse(_ arguments: [String], stdin: String? = nil) throws -> ToolResult {
        try Tool.run("dockling-build", ["parse"] + arguments, stdin: stdin, timeout: 30)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = folder.path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testDumpIsBuildKitsNodeDump() throws {
        let file = try write("Dockerfile", Self.dockerfile)
        for arguments in [[file], ["--format", "dump", file]] {  // dump is the default
            let result = try parse(arguments)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout, Self.dump, "\(arguments)")
            XCTAssertTrue(result.stderr.contains("\(file):1: warning: the syntax directive is ignored"), result.stderr)
        }
    }

    func testJSONHoldsTheTypedInstructions() throws {
        let result = try parse(["--format", "json", try write("Dockerfile", Self.dockerfile)])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["directives"] as? [String: String], ["syntax": "docker/dockerfile:1"])
        XCTAssertEqual(JSONSpelling.of(object["globalArgs"]), #"[{"defaultValue":"busybox","name":"BASE"}]"#)
        let stages = try XCTUnwrap(object["stages"] as? [[String: Any]])
        XCTAssertEqual(stages.count, 1)
        XCTAssertEqual(stages[0]["base"] as? String, "$BASE")
        XCTAssertEqual(stages[0]["name"] as? String, "build")
        XCTAssertEqual(stages[0]["line"] as? Int, 3)
        let steps = try XCTUnwrap(stages[0]["steps"] as? [[String: Any]])
        XCTAssertEqual(steps.map { ($0["instruction"] as? [String: Any])?["keyword"] as? String },
                       ["ENV", "ENV", "RUN", "COPY", "RUN", "ONBUILD", "HEALTHCHECK", "CMD"])
        XCTAssertEqual(steps.map { [$0["line"] as? Int, $0["endLine"] as? Int] },
                       [[4, 4], [5, 5], [6, 8], [9, 9], [10, 12], [13, 13], [14, 14], [15, 15]])
        let instructions = steps.compactMap { $0["instruction"] as? [String: Any] }
        XCTAssertEqual(JSONSpelling.of(instructions[0]["pairs"]),
                       #"[{"name":"A","value":"1"},{"name":"B","value":"\"two words\""}]"#, "ENV values stay raw")
        XCTAssertEqual(JSONSpelling.of(instructions[3]["from"]), #""build""#)
        XCTAssertEqual(JSONSpelling.of(instructions[3]["chown"]), #""1:2""#)
        XCTAssertEqual(JSONSpelling.of(instructions[4]["heredocs"]), #"[{"content":"echo hi\n","expand":true,"name":"EOF"}]"#)
        XCTAssertEqual(JSONSpelling.of((instructions[5]["trigger"] as? [String: Any])?["original"]), #""RUN echo later""#)
        // HEALTHCHECK is docker's config field itself (Test, Interval… in nanoseconds).
        XCTAssertEqual((instructions[6]["healthcheck"] as? [String: Any])?["Interval"] as? Int, 5_000_000_000)
        XCTAssertEqual(JSONSpelling.of(instructions[7]["command"]), #"{"exec":["sh","-c","echo hi"]}"#)
    }

    func testDashReadsStandardInput() throws {
        let fromFile = try parse(["--format", "dump", try write("Dockerfile", Self.dockerfile)])
        let fromStdin = try parse(["--format", "dump", "-"], stdin: Self.dockerfile)
        XCTAssertEqual(fromStdin.status, 0, fromStdin.stderr)
        XCTAssertEqual(fromStdin.stdout, fromFile.stdout)
        XCTAssertEqual(fromStdin.stdout, Self.dump)
        let bad = try parse(["--format", "json", "-"], stdin: "FROM busybox\nRUN true\nONBUILD ONBUILD RUN x\n")
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("Dockerfile:3: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"), bad.stderr)
    }

    func testABadDockerfileFailsNamingTheFileAndLine() throws {
        let cases: [(format: String, text: String, error: String)] = [
            ("json", "FROM busybox\nRUN true\nFOO bar\n", ":3: unknown instruction: FOO"),
            ("dump", "FROM busybox\nRUN true\nRUN <<EOF\necho never ended\n", ":3: unterminated heredoc"),
            ("dump", "FROM busybox\nCMD [\"a\", [\"b\"]]\n", ":2: when using JSON array syntax, arrays must be comprised of strings only"),
            ("dump", "", ": the Dockerfile cannot be empty"),
        ]
        for (format, text, error) in cases {
            let file = try write("bad.Dockerfile", text)
            let result = try parse(["--format", format, file])
            XCTAssertNotEqual(result.status, 0, text)
            XCTAssertEqual(result.stdout, "", "nothing is printed of a Dockerfile that fails")
            XCTAssertTrue(result.stderr.contains(file + error), "\(text): \(result.stderr)")
        }
        let missing = try parse([folder.path + "/absent"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains(folder.path + "/absent"), missing.stderr)
    }

    /// Every case of BuildKit's corpus through the executable: the positive ones print BuildKit's
    /// expected `result` exactly, the negative ones fail naming the file (and the line where
    /// there is one).
    func testTheCorpusThroughTheExecutable() throws {
        let positive = try FileManager.default.contentsOfDirectory(atPath: Self.corpus + "/testfiles").sorted()
        XCTAssertGreaterThanOrEqual(positive.count, 30, "the corpus is missing")
        for name in positive {
            let folder = Self.corpus + "/testfiles/" + name
            let result = try parse(["--format", "dump", folder + "/Dockerfile"])
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            XCTAssertEqual(result.stdout, try String(contentsOfFile: folder + "/result", encoding: .utf8), name)
        }
        let negative = try FileManager.default.contentsOfDirectory(atPath: Self.corpus + "/testfiles-negative").sorted()
        XCTAssertGreaterThanOrEqual(negative.count, 4, "the corpus is missing")
        for name in negative {
            let file = Self.corpus + "/testfiles-negative/" + name + "/Dockerfile"
            let result = try parse([file])
            XCTAssertNotEqual(result.status, 0, name)
            XCTAssertEqual(result.stdout, "", name)
            XCTAssertTrue(result.stderr.hasPrefix("dockling-build: \(file):"), "\(name): \(result.stderr)")
        }
    }
}
