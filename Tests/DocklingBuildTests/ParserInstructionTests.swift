@testable import DocklingBuild
import DocklingCore
import XCTest

/// The typed model: stages, and each instruction with its arguments and flags as written.
final class ParserInstructionTests: XCTestCase {
    private func steps(_ body: String) throws -> [Instruction] {
        try Dockerfile.parse("FROM busybox\n" + body, file: "Dockerfile").stages[0].steps.map(\.instruction)
    }

    func testStagesGlobalArgsAndNames() throws {
        let dockerfile = try Dockerfile.parse("""
            ARG BASE=busybox
            ARG TAG
            FROM --platform=$BUILDPLATFORM ${BASE}:${TAG} AS Build
            RUN make
            from build as Final
            COPY --from=build /out /out

            """, file: "Dockerfile")
        XCTAssertEqual(dockerfile.globalArgs, [ArgDeclaration(name: "BASE", defaultValue: "busybox"),
                                               ArgDeclaration(name: "TAG", defaultValue: nil)])
        XCTAssertEqual(dockerfile.stages.map(\.index), [0, 1])
        XCTAssertEqual(dockerfile.stages.map(\.name), ["build", "final"])
        XCTAssertEqual(dockerfile.stages.map(\.base), ["${BASE}:${TAG}", "build"])
        XCTAssertEqual(dockerfile.stages.map(\.platform), ["$BUILDPLATFORM", nil])
        XCTAssertEqual(dockerfile.stages.map(\.line), [3, 5])
        XCTAssertEqual(dockerfile.stages[1].steps, [Step(instruction: .copy(CopyInstruction(
            isAdd: false, sources: ["/out"], destination: "/out", from: "build")), line: 6, endLine: 6,
            original: "COPY --from=build /out /out")])
    }

    func testExecAndShellForms() throws {
        XCTAssertEqual(try steps("""
            RUN ["echo", "a b"]
            RUN echo $HOME \\
              && true
            CMD ['echo','x']
            CMD [ "a", "b"
            ENTRYPOINT []
            SHELL ["/bin/bash", "-c"]
            CMD ["a"] x
            CMD ["a",]
            CMD ["\\u00e9\\ud83d\\ude00 \\ud83d", "\\/\\t"]

            """), [
            .run(RunInstruction(command: .exec(["echo", "a b"]))),
            .run(RunInstruction(command: .shell("echo $HOME   && true"))),
            .cmd(.shell("['echo','x']")),
            .cmd(.shell("[ \"a\", \"b\"")),
            .entrypoint(.exec([])),
            .shell(["/bin/bash", "-c"]),
            .cmd(.shell("[\"a\"] x")),
            .cmd(.shell("[\"a\",]")),
            .cmd(.exec(["é😀 \u{FFFD}", "/\t"])),
        ])
    }

    /// Go's JSON decoder stops at a nesting depth of 10000: deeper text is not JSON (shell
    /// form); anything less deep is JSON, and nested arrays are an error.
    func testDeeplyNestedJSON() throws {
        let deep = String(repeating: "[", count: 10001) + String(repeating: "]", count: 10001)
        XCTAssertEqual(try steps("CMD \(deep)\n"), [.cmd(.shell(deep))])
        let nested = String(repeating: "[", count: 10000) + String(repeating: "]", count: 10000)
        XCTAssertThrowsError(try steps("CMD \(nested)\n"))
    }

    func testEnvAndLabelKeepValuesRaw() throws {
        XCTAssertEqual(try steps("""
            ENV A=1 B="two words" C=Rex\\ The\\ Dog
            ENV ONE TWO= THREE=world
            LABEL "com.example.vendor"="ACME" version=1.0
            LABEL maintainer someone <a@b.c>

            """), [
            .env([NameValue(name: "A", value: "1"), NameValue(name: "B", value: "\"two words\""),
                  NameValue(name: "C", value: "Rex\\ The\\ Dog")]),
            .env([NameValue(name: "ONE", value: "TWO= THREE=world")]),
            .label([NameValue(name: "\"com.example.vendor\"", value: "\"ACME\""), NameValue(name: "version", value: "1.0")]),
            .label([NameValue(name: "maintainer", value: "someone <a@b.c>")]),
        ])
    }

    func testCopyAddRunFlags() throws {
        XCTAssertEqual(try steps("""
            COPY --chown=app:app --chmod=0755 --link --parents --exclude=*.md --exclude=.git a b* /dst/
            ADD --checksum=sha256:abc --keep-git-dir=true --link=false https://x/y.tar /
            COPY ["a b", "/c d/"]
            RUN --mount=type=cache,target=/root/.cache --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make

            """), [
            .copy(CopyInstruction(isAdd: false, sources: ["a", "b*"], destination: "/dst/", chown: "app:app", chmod: "0755",
                                  link: true, parents: true, excludes: ["*.md", ".git"])),
            .copy(CopyInstruction(isAdd: true, sources: ["https://x/y.tar"], destination: "/", checksum: "sha256:abc",
                                  keepGitDir: true)),
            .copy(CopyInstruction(isAdd: false, sources: ["a b"], destination: "/c d/")),
            .run(RunInstruction(command: .shell("make"), mounts: ["type=cache,target=/root/.cache", "type=tmpfs,target=/tmp"],
                                network: "none", security: "sandbox")),
        ])
    }

    func testMetadataInstructions() throws {
        XCTAssertEqual(try steps("""
            WORKDIR /srv/$APP
            USER app:app
            EXPOSE 8080/tcp 53/udp 443
            VOLUME ["/data", "/logs"]
            VOLUME /a /b
            MAINTAINER Jane Doe <jane@example.com>
            STOPSIGNAL SIGQUIT
            ARG A B=2 C="x y"

            """), [
            .workdir("/srv/$APP"),
            .user("app:app"),
            .expose(["443", "53/udp", "8080/tcp"]),
            .volume(["/data", "/logs"]),
            .volume(["/a", "/b"]),
            .maintainer("Jane Doe <jane@example.com>"),
            .stopSignal("SIGQUIT"),
            .arg([ArgDeclaration(name: "A", defaultValue: nil), ArgDeclaration(name: "B", defaultValue: "2"),
                  ArgDeclaration(name: "C", defaultValue: "\"x y\"")]),
        ])
    }

    func testHealthcheckDurationsInNanoseconds() throws {
        XCTAssertEqual(try steps("""
            HEALTHCHECK --interval=1m30s --timeout=1.5s --start-period=0s --start-interval=250ms --retries=3 \\
              CMD curl -f http://localhost/ || exit 1
            HEALTHCHECK cmd ["/check", "--quiet"]
            HEALTHCHECK NONE

            """), [
            .healthcheck(ExecutionConfig.Healthcheck(test: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],
                                                     interval: 90_000_000_000, timeout: 1_500_000_000, startPeriod: 0,
                                                     startInterval: 250_000_000, retries: 3)),
            .healthcheck(ExecutionConfig.Healthcheck(test: ["CMD", "/check", "--quiet"])),
            .healthcheck(ExecutionConfig.Healthcheck(test: ["NONE"])),
        ])
    }

    func testOnbuildKeepsTheTriggerText() throws {
        let onbuild = try steps("onbuild   COPY --chown=1 . /app\n")
        XCTAssertEqual(onbuild, [.onbuild(Step(instruction: .copy(CopyInstruction(isAdd: false, sources: ["."], destination: "/app",
                                                                                  chown: "1")),
                                               line: 2, endLine: 2, original: "COPY --chown=1 . /app"))])
    }

    func testJSONShowsStagesStepsAndLines() throws {
        let dockerfile = try Dockerfile.parse("FROM busybox AS base\nCMD [\"sh\"]\nHEALTHCHECK NONE\n", file: "Dockerfile")
        let json = try JSONCoding.pretty(dockerfile)
        for fragment in ["\"name\" : \"base\"", "\"keyword\" : \"CMD\"", "\"exec\" : [\n", "\"healthcheck\" : {", "\"NONE\"",
                         "\"line\" : 3", "\"original\" : \"HEALTHCHECK NONE\""] {
            XCTAssertTrue(json.contains(fragment), "\(fragment) not in \(json)")
        }
        XCTAssertFalse(json.contains("syntaxTree"), json)
    }
}
