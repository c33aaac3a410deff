@testable import DocklingBuild
import XCTest

/// The file format: parser directives, comments, continuation lines, warnings, and errors
/// that name the line in BuildKit's words.
final class ParserTests: XCTestCase {
    private func dump(_ text: String) throws -> String {
        try DockerfileSyntaxTree.parse(text, file: "Dockerfile").dump()
    }

    private func failure(_ text: String) -> DockerfileError? {
        do {
            _ = try Dockerfile.parse(text, file: "Dockerfile")
            return nil
        } catch {
            return error
        }
    }

    func testDirectivesAtTheTopOnly() throws {
        let dockerfile = try Dockerfile.parse("#\t  ESCAPE = `\n# syntax=docker/dockerfile:1\n# check=skip=all\nFROM a\nRUN echo `\n  b\n",
                                              file: "Dockerfile")
        XCTAssertEqual(dockerfile.directives, ["escape": "`", "syntax": "docker/dockerfile:1", "check": "skip=all"])
        XCTAssertEqual(dockerfile.escape, "`")
        XCTAssertEqual(dockerfile.stages[0].steps[0].instruction, .run(RunInstruction(command: .shell("echo   b"))))
        XCTAssertEqual(dockerfile.warnings.map(\.line), [2])
        XCTAssertTrue(dockerfile.warnings[0].message.contains("syntax directive is ignored"), dockerfile.warnings[0].message)

        // After a blank line, another comment or an unknown directive, `# escape=` is a comment.
        for prefix in ["\n", "# hello\n", "# unknown=x\n"] {
            let later = try Dockerfile.parse(prefix + "# escape=`\nFROM a\n", file: "Dockerfile")
            XCTAssertEqual(later.directives, [:], prefix)
            XCTAssertEqual(later.escape, "\\", prefix)
        }
    }

    func testDirectiveErrors() {
        XCTAssertEqual(failure("# escape=`\n# ESCAPE=\\\nFROM a\n")?.message, "only one escape parser directive can be used")
        XCTAssertEqual(failure("# escape=`\n# ESCAPE=\\\nFROM a\n")?.line, 2)
        XCTAssertEqual(failure("# escape=x\nFROM a\n")?.message, "invalid escape token 'x' does not match ` or \\")
    }

    func testCommentsInsideContinuedLinesAndEmptyContinuationLines() throws {
        let tree = try DockerfileSyntaxTree.parse("""
            FROM a
            RUN echo hello \\
            # a comment
              world
            RUN something \\

                following
            RUN echo 'we are running some # of cool things'
            RUN ends with two \\\\
            RUN x
            """, file: "Dockerfile")
        XCTAssertEqual(tree.dump(), """
            (from "a")
            (run "echo hello   world")
            (run "something     following")
            (run "echo 'we are running some # of cool things'")
            (run "ends with two \\\\\\\\")
            (run "x")

            """)
        XCTAssertEqual(tree.warnings, [
            DockerfileWarning(line: 7, message: "Empty continuation line found in: RUN something     following"),
        ])
        XCTAssertEqual(tree.instructions.map(\.startLine), [1, 2, 5, 8, 9, 10])
    }

    /// BuildKit's TestParseWarnsOnEmptyContinutationLine: only continuations broken by an
    /// empty line warn, not those with comment lines.
    func testEmptyContinuationWarningsAsBuildKitGivesThem() throws {
        let tree = try DockerfileSyntaxTree.parse("""

            FROM alpine:3.6

            RUN valid \\
                continuation

            RUN something \\

                following \\

                more

            RUN another \\

                thing

            RUN non-indented \\
            # this is a comment
               after-comment

            RUN indented \\
                # this is an indented comment
                comment
            \t
            """, file: "Dockerfile")
        XCTAssertEqual(tree.warnings.map(\.message), ["Empty continuation line found in: RUN something     following     more",
                                                      "Empty continuation line found in: RUN another     thing"])
    }

    /// BuildKit's TestParseWords: ARG/ENV words keep their quotes and escapes.
    func testWordsKeepQuotesAndEscapes() {
        let cases: [(String, [String])] = [
            ("foo", ["foo"]), ("foo bar", ["foo", "bar"]), ("foo\\ bar", ["foo\\ bar"]), ("foo=bar", ["foo=bar"]),
            ("foo bar 'abc xyz'", ["foo", "bar", "'abc xyz'"]), ("foo bar \"abc xyz\"", ["foo", "bar", "\"abc xyz\""]),
            ("àöû", ["àöû"]), ("föo bàr \"âbc xÿz\"", ["föo", "bàr", "\"âbc xÿz\""]),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(ArgumentForms.words(input, escape: "\\"), expected, input)
        }
    }

    func testByteOrderMarkCarriageReturnsAndLeadingBlanks() throws {
        XCTAssertEqual(try dump("\u{FEFF}FROM a\r\n  run   echo hi \\\r\n  there\r\n"), "(from \"a\")\n(run \"echo hi   there\")\n")
    }

    func testLinesLongerThanBuildKitsScannerFail() {
        let error = failure("FROM a\nLABEL test=\(String(repeating: "a", count: 65536))\n")
        XCTAssertEqual(error?.message, "dockerfile line greater than max allowed size of 65535")
        XCTAssertEqual(error?.line, 2)
        XCTAssertNil(failure("FROM a\nLABEL t=\(String(repeating: "a", count: 65535 - 8))\n"))
    }

    func testFlagsAreCollectedBeforeTheArguments() throws {
        XCTAssertEqual(try dump("COPY --from=\"a b\" --link -- --c d\nRUN --mount=type=cache,target=/x echo --no\n"),
                       "(copy [\"--from=a b\" \"--link\"] \"--c\" \"d\")\n(run [\"--mount=type=cache,target=/x\"] \"echo --no\")\n")
    }

    /// Go's stacks grow; ours do not: nesting that only a hostile file has is refused with a
    /// message instead of crashing.
    func testHostileNestingIsAnErrorNotACrash() throws {
        XCTAssertEqual(try dump("ONBUILD ONBUILD RUN x\n"), "(onbuild (onbuild (run \"x\")))\n")
        let chain = String(repeating: "ONBUILD ", count: 5000) + "RUN x\n"
        XCTAssertEqual(failure(chain)?.message, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed")
        let nested = String(repeating: "${A:-", count: 5000) + String(repeating: "}", count: 5000)
        XCTAssertThrowsError(try WordExpander(escape: "\\").expand(nested) { _ in nil }) { error in
            XCTAssertTrue("\(error)".contains("more than 1000 substitutions inside each other"), "\(error)")
        }
        let hundred = String(repeating: "${A:-", count: 100) + "x" + String(repeating: "}", count: 100)
        XCTAssertEqual(try WordExpander(escape: "\\").expand(hundred) { _ in nil }, "x")
    }

    func testWholeFileErrors() {
        XCTAssertEqual(failure("")?.description, "Dockerfile: the Dockerfile cannot be empty")
        XCTAssertEqual(failure("# only\n\n   # comments\n")?.description, "Dockerfile: file with no instructions")
        XCTAssertEqual(failure("ARG A=1\n")?.description, "Dockerfile: dockerfile contains no stages to build")
    }

    /// BuildKit's instructions/parse_test.go: each instruction's argument count.
    func testArgumentCountsAsBuildKitChecksThem() {
        for keyword in ["MAINTAINER", "WORKDIR", "USER", "STOPSIGNAL"] {
            XCTAssertEqual(failure(keyword)?.message, "\(keyword) requires exactly one argument")
        }
        for keyword in ["ENV", "LABEL", "ONBUILD", "HEALTHCHECK", "EXPOSE", "VOLUME"] {
            XCTAssertEqual(failure(keyword)?.message, "\(keyword) requires at least one argument")
        }
        for keyword in ["ENV", "LABEL"] {
            XCTAssertEqual(failure("\(keyword) =arg2")?.message, "\(keyword) names can not be blank")
        }
        XCTAssertEqual(failure("MAINTAINER --boo joe@example.com")?.message, "unknown flag: --boo")
        XCTAssertEqual(failure("COPY\t\n\t\tquux \\\n      bar")?.message,
                       "COPY requires at least two arguments, but only one was provided. Destination could not be determined")
    }

    func testInstructionErrorsNameTheLine() {
        let cases: [(String, Int, String)] = [
            ("FROM a\nFROMM b\n", 2, "unknown instruction: FROMM (did you mean FROM?)"),
            ("FROM a\nfrobnicate x\n", 2, "unknown instruction: frobnicate"),
            ("RUN true\n", 1, "no build stage in current context"),
            ("ARG V=1\nFROM a:$V\nCOPY a\n", 3,
             "COPY requires at least two arguments, but only one was provided. Destination could not be determined"),
            ("FROM a\nCOPY --chowm=1 a b\n", 2, "unknown flag: --chowm (did you mean chown?)"),
            ("FROM a\nCOPY --from=a --from=b x y\n", 2, "duplicate flag specified: --from"),
            ("FROM a\nCOPY --link=maybe x y\n", 2, "expecting boolean value for flag --link, not: maybe"),
            ("FROM a\nADD --from=a x y\n", 2, "unknown flag: --from"),
            ("FROM a\nWORKDIR\n", 2, "WORKDIR requires exactly one argument"),
            ("FROM a\nENV PATH\n", 2, "ENV must have two arguments"),
            ("FROM a\nLABEL a=b c\n", 2, "Syntax error - can't find = in \"c\". Must be of the form: name=value"),
            ("FROM a\nARG =x\n", 2, "ARG names can not be blank"),
            ("FROM a\nSHELL /bin/sh -c\n", 2, "SHELL requires the arguments to be in JSON form"),
            ("FROM a\nCMD [\"a\", [\"b\"]]\n", 2, "when using JSON array syntax, arrays must be comprised of strings only"),
            ("FROM a\nVOLUME [\"/a\", {\"b\": null}]\n", 2, "when using JSON array syntax, arrays must be comprised of strings only"),
            ("FROM a AS 1st\n", 1, "invalid name for build stage: \"1st\", name can't start with a number or contain symbols"),
            ("FROM a b\n", 1, "FROM requires either one or three arguments"),
            ("FROM a\nONBUILD ONBUILD RUN x\n", 2, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"),
            ("FROM a\nONBUILD from b\n", 2, "FROM isn't allowed as an ONBUILD trigger"),
            ("FROM a\nONBUILD MAINTAINER me\n", 2, "MAINTAINER isn't allowed as an ONBUILD trigger"),
            ("FROM a\nRUN --network=bridge x\n", 2, "invalid network mode \"bridge\""),
            ("FROM a\nRUN --security=root x\n", 2, "security \"root\" is not valid"),
            ("FROM a\nRUN --mount=from=$STAGE,target=/x x\n", 2, "'from' doesn't support variable expansion, define alias stage instead"),
            ("FROM a\nHEALTHCHECK CONNECT TCP 7000\n", 2, "Unknown type \"CONNECT\" in HEALTHCHECK (try CMD)"),
            ("FROM a\nHEALTHCHECK NONE x\n", 2, "HEALTHCHECK NONE takes no arguments"),
            ("FROM a\nHEALTHCHECK CMD\n", 2, "Missing command after HEALTHCHECK CMD"),
            ("FROM a\nHEALTHCHECK --interval=5 CMD x\n", 2, "time: missing unit in duration \"5\""),
            ("FROM a\nHEALTHCHECK --interval=5d CMD x\n", 2, "time: unknown unit \"d\" in duration \"5d\""),
            ("FROM a\nHEALTHCHECK --timeout=10us CMD x\n", 2, "Interval \"timeout\" cannot be less than 1ms"),
            ("FROM a\nHEALTHCHECK --retries=-1 CMD x\n", 2, "--retries cannot be negative (-1)"),
            ("FROM a\nVOLUME [\"\"]\n", 2, "VOLUME specified can not be an empty string"),
            ("FROM a\nRUN a \\\n  b\nCOPY <<EOF <<X\nEOF\nX\n", 4, "COPY cannot accept a heredoc as a destination"),
        ]
        for (text, line, message) in cases {
            let error = failure(text)
            XCTAssertEqual(error?.message, message, text)
            XCTAssertEqual(error?.line, line, text)
            XCTAssertEqual(error?.description, "Dockerfile:\(line): \(message)", text)
        }
    }
}
