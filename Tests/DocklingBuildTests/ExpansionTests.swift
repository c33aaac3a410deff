@testable import DocklingBuild
import XCTest

/// Variable substitution: the operators, the backtick escape, and `Instruction.expanded`
/// substituting exactly where docker does.
final class ExpansionTests: XCTestCase {
    private let variables = ["NAME": "world", "EMPTY": "", "PATHS": "/usr/local/bin:/usr/bin:/bin", "PORTS": "80 443/tcp",
                             "FILE": "archive.tar.gz", "USER": "app"]
    private let expander = WordExpander(escape: "\\")

    private func expand(_ word: String, escape: Character = "\\") throws -> String {
        try WordExpander(escape: escape).expand(word) { self.variables[$0] }
    }

    /// BuildKit's step names (`processCmdEnv`): RUN keeps quotes and what is unset; COPY,
    /// ADD and WORKDIR read as their expanded arguments; text that does not parse stays.
    func testStepNamesSubstituteAsBuildKitsDo() {
        let lookup: (String) -> String? = { self.variables[$0] }
        XCTAssertEqual(expander.stepName("run echo $NAME ${UNSET} \"$USER\" 'x'", run: true, lookup),
                       "run echo world ${UNSET} \"app\" 'x'")
        XCTAssertEqual(expander.stepName("COPY --chown=$USER \"$FILE\" /opt/$UNSET", run: false, lookup),
                       "COPY --chown=app archive.tar.gz /opt/")
        XCTAssertEqual(expander.stepName("WORKDIR ${NAME", run: false, lookup), "WORKDIR ${NAME")
    }

    func testOperators() throws {
        XCTAssertEqual(try expand("${NAME:-x} ${UNSET:-x} ${EMPTY:-x} ${EMPTY-x} ${UNSET-x}"), "world x x  x")
        XCTAssertEqual(try expand("${NAME:+set} [${UNSET:+set}] [${EMPTY:+set}] ${EMPTY+set}"), "set [] [] set")
        XCTAssertEqual(try expand("${FILE#*.} ${FILE##*.} ${FILE%.*} ${FILE%%.*}"), "tar.gz gz archive.tar archive")
        XCTAssertEqual(try expand("${PATHS/bin/sbin} ${PATHS//bin/sbin}"),
                       "/usr/local/sbin:/usr/bin:/bin /usr/local/sbin:/usr/sbin:/sbin")
        XCTAssertEqual(try expand("${PATHS//*/x}"), "x")
        XCTAssertEqual(try expand("a${NAME}b$NAME-\\$NAME '$NAME' \"$NAME\""), "aworldbworld-$NAME $NAME world")
        XCTAssertThrowsError(try expand("${NAME")) { error in
            XCTAssertEqual((error as? DockerfileError)?.message, "failed to process \"${NAME\": syntax error: missing '}'")
        }
        XCTAssertThrowsError(try expand("${UNSET:?must be set}")) { error in
            XCTAssertEqual((error as? DockerfileError)?.message, "failed to process \"${UNSET:?must be set}\": UNSET: must be set")
        }
    }

    /// Go's regular expressions are linear; a naive backtracking matcher would take hours on
    /// this (eight `*` over 300 characters). The timeout turns such a hang into a failure.
    func testManyWildcardsStayFast() {
        let finished = expectation(description: "the expansion ends")
        let result = ResultBox()
        Thread {
            let value = String(repeating: "a", count: 300)
            result.text = try? WordExpander(escape: "\\").expand("${V//*a*a*a*a*a*a*a*a*b/x}|${V##*a*a*a*a*a*a*a*a*b}") { _ in value }
            finished.fulfill()
        }.start()
        wait(for: [finished], timeout: 60)
        XCTAssertEqual(result.text, String(repeating: "a", count: 300) + "|" + String(repeating: "a", count: 300))
    }

    func testBacktickEscape() throws {
        XCTAssertEqual(try expand("C:\\dir `$NAME `` x", escape: "`"), "C:\\dir $NAME ` x")
    }

    func testWordsSplitUnquotedValues() throws {
        XCTAssertEqual(try expander.expandWords("$PORTS \"$PORTS\" 8080", { self.variables[$0] }), ["80", "443/tcp", "80 443/tcp", "8080"])
    }

    private func expanded(_ body: String) throws -> [Instruction] {
        let dockerfile = try Dockerfile.parse("FROM busybox\n" + body, file: "Dockerfile")
        return try dockerfile.stages[0].steps.map { step throws(DockerfileError) in
            try step.instruction.expanded(expander) { self.variables[$0] }
        }
    }

    func testWhereDockerSubstitutes() throws {
        XCTAssertEqual(try expanded("""
            ENV GREETING="hello $NAME" OTHER=Rex\\ The\\ Dog $USER=x
            LABEL "who"="$USER" plain='$USER'
            ARG A=$NAME B
            WORKDIR /home/$USER
            USER ${USER}:${USER}
            STOPSIGNAL SIG${UNSET:-TERM}
            VOLUME /data/$NAME
            EXPOSE $PORTS
            MAINTAINER $USER

            """), [
            .env([NameValue(name: "GREETING", value: "hello world"), NameValue(name: "OTHER", value: "Rex The Dog"),
                  NameValue(name: "app", value: "x")]),
            .label([NameValue(name: "who", value: "app"), NameValue(name: "plain", value: "$USER")]),
            .arg([ArgDeclaration(name: "A", defaultValue: "world"), ArgDeclaration(name: "B", defaultValue: nil)]),
            .workdir("/home/app"),
            .user("app:app"),
            .stopSignal("SIGTERM"),
            .volume(["/data/world"]),
            .expose(["80", "443/tcp"]),
            .maintainer("$USER"),
        ])
    }

    func testShellCommandsAreLeftToTheShell() throws {
        let body = """
            RUN echo $NAME
            CMD ["echo", "$NAME"]
            ENTRYPOINT echo $NAME
            SHELL ["/bin/sh", "-c", "$NAME"]
            HEALTHCHECK CMD echo $NAME
            ONBUILD RUN echo $NAME

            """
        let parsed = try Dockerfile.parse("FROM busybox\n" + body, file: "Dockerfile").stages[0].steps.map(\.instruction)
        XCTAssertEqual(try expanded(body), parsed)
    }

    func testCopyAndRunFlags() throws {
        XCTAssertEqual(try expanded("""
            COPY --chown=$USER:$USER --chmod=${MODE:-755} $FILE /opt/$NAME/
            ADD --checksum=sha256:${UNSET} $NAME /
            RUN --mount=type=cache,target=/cache/$NAME,id=$USER,ro --network=none make
            COPY <<EOF <<'RAW' /etc/
            user=$USER \\$HOME "quoted"
            EOF
            keep $USER
            RAW

            """), [
            .copy(CopyInstruction(isAdd: false, sources: ["archive.tar.gz"], destination: "/opt/world/", chown: "app:app",
                                  chmod: "755")),
            .copy(CopyInstruction(isAdd: true, sources: ["world"], destination: "/", checksum: "sha256:")),
            .run(RunInstruction(command: .shell("make"), mounts: ["type=cache,target=/cache/world,id=app,ro"], network: "none")),
            .copy(CopyInstruction(isAdd: false, sources: ["EOF", "RAW"], destination: "/etc/", heredocs: [
                Heredoc(name: "EOF", content: "user=app $HOME \"quoted\"\n", expand: true),
                Heredoc(name: "RAW", content: "keep $USER\n", expand: false),
            ])),
        ])
    }

    func testCopyFromIsNeverExpanded() throws {
        XCTAssertEqual(try expanded("COPY --from=build /a /b\n"),
                       [.copy(CopyInstruction(isAdd: false, sources: ["/a"], destination: "/b", from: "build"))])
        XCTAssertThrowsError(try expanded("COPY --from=$STAGE /a /b\n")) { error in
            let message = (error as? DockerfileError)?.message ?? ""
            XCTAssertTrue(message.hasPrefix("variable expansion is not supported for --from"), message)
        }
    }
}

/// Where the expansion thread leaves its result for the test to read after waiting.
private final class ResultBox: @unchecked Sendable {
    var text: String?
}
