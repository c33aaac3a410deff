@testable import DocklingBuild
import XCTest

/// Here-documents, with BuildKit's own cases (parser_heredoc_test.go): which words are
/// heredocs, their names, bodies, `<<-` tab stripping and quoted (literal) delimiters.
final class ParserHeredocTests: XCTestCase {
    private func heredocs(_ text: String) throws -> [[Heredoc]] {
        try DockerfileSyntaxTree.parse(text, file: "Dockerfile").instructions.map(\.heredocs)
    }

    func testBuildKitHeredocCases() throws {
        let text = """
            FROM alpine:3.6
            RUN <<EMPTY
            EMPTY
            RUN 3<<EMPTY2
            EMPTY2
            RUN "<<NOHEREDOC"
            RUN <<INDENT
            \tfoo
            \tbar
            INDENT
            RUN <<-UNINDENT2
            \tbaz
            \tquux
            \tUNINDENT2
            RUN <<-'NOEXPAND'
            \tdon't expand $NAME
            NOEXPAND
            RUN <<COMMENT
            # internal comment
            echo foo bar # trailing comment
            COMMENT
            COPY <<X <<Y /dest
            Y
            X
            X
            Y
            RUN <<eo'f'
            echo foo
            eof
            RUN <<eo\\'f
            echo foo
            eo'f
            RUN <<'one two'
            echo bar
            one two
            RUN <<$EOF
            $EOF
            RUN <<  EOF  > foo
            EOF
            RUN ["<<EOF"]

            """
        let found = try heredocs(text)
        XCTAssertEqual(found, [
            [],
            [Heredoc(name: "EMPTY", content: "", expand: true)],
            [Heredoc(name: "EMPTY2", content: "", expand: true)],
            [],
            [Heredoc(name: "INDENT", content: "\tfoo\n\tbar\n", expand: true)],
            [Heredoc(name: "UNINDENT2", content: "baz\nquux\n", expand: true)],
            [Heredoc(name: "NOEXPAND", content: "don't expand $NAME\n", expand: false)],
            [Heredoc(name: "COMMENT", content: "# internal comment\necho foo bar # trailing comment\n", expand: true)],
            [Heredoc(name: "X", content: "Y\n", expand: true), Heredoc(name: "Y", content: "X\n", expand: true)],
            [Heredoc(name: "eof", content: "echo foo\n", expand: false)],
            [Heredoc(name: "eo'f", content: "echo foo\n", expand: true)],
            [Heredoc(name: "one two", content: "echo bar\n", expand: false)],
            [Heredoc(name: "$EOF", content: "", expand: true)],
            [Heredoc(name: "EOF", content: "", expand: true)],
            [],
        ])
    }

    func testHeredocWordsAndNonWords() throws {
        for word in ["<<EOF", "<<'EOF'", "<<\"EOF\"", "<<-EOF", "<<-'EOF'", "<<-\"EOF\"", "<<EO\"F\"", "<< EOF", "<<- EOF"] {
            XCTAssertEqual(try HeredocWord(word)?.name, "EOF", word)
        }
        for word in ["", "EOF", "<<", "<<-", "<EOF", "<<<EOF", "<<EOF sh"] {
            XCTAssertNil(try HeredocWord(word), word)
        }
        for word in ["<<'EOF", "<<\"EOF", "<<EOF'", "<<EOF\""] {
            XCTAssertThrowsError(try HeredocWord(word), word)
        }
        XCTAssertEqual(try HeredocWord.all(in: "RUN << -EOF").map(\.name), ["-EOF"])
        XCTAssertEqual(try HeredocWord.all(in: "RUN <<EOF <<EOF2").map(\.name), ["EOF", "EOF2"])
        XCTAssertEqual(try HeredocWord.all(in: "RUN '<<EOF'"), [])
    }

    func testTypedHeredocInstructions() throws {
        let dockerfile = try Dockerfile.parse("""
            FROM busybox
            COPY --chmod=755 <<EOF /run.sh
            #!/bin/sh
            echo $HOME
            EOF
            RUN <<-EOF
            \techo hi
            \tEOF
            RUN python3 <<EOF
            print(1)
            EOF
            ONBUILD RUN <<EOF
            echo later
            EOF

            """, file: "Dockerfile")
        let steps = dockerfile.stages[0].steps
        XCTAssertEqual(steps.map { [$0.line, $0.endLine] }, [[2, 5], [6, 8], [9, 11], [12, 14]])
        XCTAssertEqual(steps[0].instruction, .copy(CopyInstruction(
            isAdd: false, sources: ["EOF"], destination: "/run.sh",
            heredocs: [Heredoc(name: "EOF", content: "#!/bin/sh\necho $HOME\n", expand: true)], chmod: "755")))
        guard case .run(let sole) = steps[1].instruction, case .run(let piped) = steps[2].instruction else {
            return XCTFail("\(steps)")
        }
        XCTAssertEqual(sole.soleHeredoc, Heredoc(name: "EOF", content: "echo hi\n", expand: true))
        XCTAssertEqual(piped.command, .shell("python3 <<EOF"))
        XCTAssertNil(piped.soleHeredoc)
        guard case .onbuild(let trigger) = steps[3].instruction else { return XCTFail("\(steps[3])") }
        XCTAssertEqual(trigger.original, "RUN <<EOF\necho later\nEOF")
        XCTAssertEqual(trigger.instruction, .run(RunInstruction(command: .shell("<<EOF"),
                                                                heredocs: [Heredoc(name: "EOF", content: "echo later\n", expand: true)])))
    }

    func testUnterminatedHeredocNamesItsInstruction() {
        XCTAssertThrowsError(try Dockerfile.parse("FROM a\nRUN cat <<EOF\nnever closed\n", file: "Dockerfile")) { error in
            let error = error as? DockerfileError
            XCTAssertEqual(error?.line, 2)
            XCTAssertEqual(error?.message, "unterminated heredoc")
        }
    }
}
