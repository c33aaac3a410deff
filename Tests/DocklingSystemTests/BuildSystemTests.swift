import Foundation
import XCTest

/// `dockling build` end to end: the built `dockling` as a child process, a store of the
/// test's own, every RUN on `--network none`; each result is run in dockling.
final class BuildSystemTests: XCTestCase {
    private var fixture: BuildFixture!

    override func setUpWithError() throws { fixture = try BuildFixture("build") }
    override func tearDownWithError() throws { try fixture?.clean() }

    /// Two stages make a one-file image `FROM scratch`; a stage nothing needs is not built
    /// (it would fail), and `--target` builds the stage it names.
    func testMultiStageBuildMakesAOneFileImageFromScratch() throws {
        try fixture.dockerfile("""
            FROM busybox AS build
            RUN mkdir /out && cp /bin/busybox /out/busybox
            FROM busybox AS unused
            RUN false
            FROM scratch
            COPY --from=build /out/busybox /busybox
            ENTRYPOINT ["/busybox", "echo"]
            CMD ["hello from scratch"]
            """)
        let built = try fixture.buildID(["-t", "tiny:1"])
        XCTAssertFalse(built.progress.contains("RUN false"), built.progress)
        XCTAssertEqual(try fixture.run("tiny:1"), "hello from scratch\n")
        XCTAssertEqual(try fixture.run("tiny:1", ["again"]), "again\n")
        let layers = try fixture.cli.succeed(["inspect", "--format", "{{len .RootFS.Layers}}", "tiny:1"])
        XCTAssertEqual(layers, "1\n")
        let config = try fixture.config("tiny:1")
        XCTAssertEqual(config["Env"] as? [String], ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"])
        XCTAssertEqual(config["Entrypoint"] as? [String], ["/busybox", "echo"])

        let target = try fixture.buildID(["--target", "build", "-t", "stage:build"])
        XCTAssertFalse(target.progress.contains("COPY --from"), target.progress)
        XCTAssertEqual(try fixture.run("stage:build", ["ls", "/out"]), "busybox\n")
    }

    /// ARG scoping: a global ARG in FROM, redeclared to be seen in the stage; `--build-arg K`
    /// from the environment; ENV of the same name wins; platform ARGs once declared; the
    /// ARGs in scope before RUN in its history entry; no ARG in the image's Env.
    func testArgAndEnvFollowDockersScopingRules() throws {
        try fixture.dockerfile("""
            ARG BASE=busybox
            ARG GREETING=global
            FROM $BASE
            ARG GREETING
            ARG LOCAL=default
            ENV SAME=from-env
            ARG SAME=from-arg
            RUN echo "greeting=$GREETING local=$LOCAL same=$SAME arch=[$TARGETARCH]" > /out
            ARG TARGETARCH
            RUN echo "arch=$TARGETARCH" >> /out
            CMD ["cat", "/out"]
            """)
        let arch = try XCTUnwrap(["x86_64": "amd64", "aarch64": "arm64"][uname()])
        try fixture.buildID(["-t", "args:1", "--build-arg", "LOCAL=given", "--build-arg", "GREETING"],
                            environment: ["GREETING": "from-environment"])
        XCTAssertEqual(try fixture.run("args:1"),
                       "greeting=from-environment local=given same=from-env arch=[]\narch=\(arch)\n")
        let env = try XCTUnwrap(fixture.config("args:1")["Env"] as? [String])
        XCTAssertEqual(env.filter { !$0.hasPrefix("PATH=") }, ["SAME=from-env"])
        let history = try fixture.history("args:1").joined(separator: "\n")
        XCTAssertTrue(history.contains("RUN |3 GREETING=from-environment LOCAL=given SAME=from-env /bin/sh -c echo"), history)
        XCTAssertTrue(history.contains("ENV SAME=from-env"), history)
        XCTAssertTrue(history.contains("buildkit.dockerfile.v0"), history)
    }

    /// ONBUILD is stored in the config, runs right after a child's FROM, and is gone from
    /// the child's config.
    func testOnbuildTriggersRunAfterFromAndAreCleared() throws {
        try fixture.dockerfile("""
            FROM busybox
            ONBUILD RUN echo triggered > /triggered
            ONBUILD ENV FROM_TRIGGER=yes
            """)
        try fixture.buildID(["-t", "parent:1"])
        XCTAssertEqual(try fixture.config("parent:1")["OnBuild"] as? [String],
                       ["RUN echo triggered > /triggered", "ENV FROM_TRIGGER=yes"])
        try fixture.dockerfile("FROM parent:1\nRUN cat /triggered\n")
        let child = try fixture.buildID(["-t", "child:1"])
        XCTAssertTrue(child.progress.contains("ONBUILD RUN echo triggered > /triggered"), child.progress)
        XCTAssertEqual(try fixture.run("child:1", ["sh", "-c", "cat /triggered; echo $FROM_TRIGGER"]), "triggered\nyes\n")
        XCTAssertNil(try fixture.config("child:1")["OnBuild"] as? [String])
    }

    /// USER applies to later RUNs and to the container; WORKDIR is made, owned by that user.
    func testUserAndWorkdirApplyToRunAndToTheImage() throws {
        try fixture.dockerfile("""
            FROM busybox
            USER nobody
            WORKDIR /work
            RUN id -u > uid && pwd > where
            CMD ["sh", "-c", "cat uid where; id -un"]
            """)
        try fixture.buildID(["-t", "user:1"])
        XCTAssertEqual(try fixture.run("user:1"), "65534\n/work\nnobody\n")
        let config = try fixture.config("user:1")
        XCTAssertEqual(config["User"] as? String, "nobody")
        XCTAssertEqual(config["WorkingDir"] as? String, "/work")
    }

    /// WORKDIR's folder and COPY's files get their owner and mode through the traced kernel
    /// door: `--trace` shows each lchown and chmod, with the owner `--chown` looked up.
    func testOwnersAndModesOfTheLayerAreInTheTrace() throws {
        try fixture.write("app.sh", "#!/bin/sh\n")
        try fixture.dockerfile("""
            FROM busybox
            WORKDIR /work
            COPY --chown=nobody --chmod=750 app.sh /work/app.sh
            """)
        let traceFile = NSTemporaryDirectory() + "dockling-build-trace-\(UUID().uuidString.prefix(8)).json"
        defer { try? FileManager.default.removeItem(atPath: traceFile) }
        try fixture.buildID(environment: ["DOCKLING_TRACE": "json", "DOCKLING_TRACE_FILE": traceFile])
        let calls = try String(contentsOfFile: traceFile, encoding: .utf8).split(separator: "\n").compactMap { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }.compactMap { event -> String? in
            guard let call = event["call"] as? String, ["lchown", "chmod"].contains(call),
                  let args = event["args"] as? [String] else { return nil }
            return call + " " + args.map { $0.replacingOccurrences(of: #"^".*/"#, with: "", options: .regularExpression) }
                .joined(separator: " ")
        }
        XCTAssertTrue(calls.contains("lchown work\" 0 0"), "\(calls)")
        XCTAssertTrue(calls.contains("chmod work\" 0755"), "\(calls)")
        XCTAssertTrue(calls.contains("lchown app.sh\" 65534 65534"), "\(calls)")
        XCTAssertTrue(calls.contains("chmod app.sh\" 0750"), "\(calls)")
    }

    /// ENTRYPOINT drops the CMD the base image had (busybox's `sh`); SHELL is what shell
    /// forms run in, for RUN and CMD alike.
    func testEntrypointResetsTheInheritedCmdAndShellWrapsShellForms() throws {
        try fixture.dockerfile("""
            FROM busybox
            ENTRYPOINT ["echo", "entry"]
            SHELL ["/bin/echo", "shell says:"]
            RUN nothing runs > /here
            """)
        let built = try fixture.buildID(["-t", "shell:1"])
        XCTAssertTrue(built.progress.contains(" shell says: nothing runs > /here\n"), built.progress)
        XCTAssertNil(try fixture.config("shell:1")["Cmd"] as? [String])
        XCTAssertEqual(try fixture.run("shell:1"), "entry\n")
        try fixture.dockerfile("FROM shell:1\nCMD greeting\n")
        try fixture.buildID(["-t", "shell:2"])
        XCTAssertEqual(try fixture.config("shell:2")["Cmd"] as? [String], ["/bin/echo", "shell says:", "greeting"])
        XCTAssertEqual(try fixture.run("shell:2"), "entry /bin/echo shell says: greeting\n")
    }

    /// Heredocs: a body run by the shell, a `#!` body run as a script, a file written by COPY
    /// with its variables expanded; and `COPY --from` an image of the store, not a stage.
    func testHeredocsRunAndWriteFiles() throws {
        try fixture.dockerfile("""
            FROM busybox
            ARG NAME=world
            RUN <<EOF
            echo one > /lines
            echo two >> /lines
            EOF
            RUN <<EOF
            #!/bin/sh
            echo "script $0" >> /lines
            EOF
            COPY <<EOF /greeting
            hello $NAME
            EOF
            COPY --from=busybox /etc/group /group-from-an-image
            CMD ["sh", "-c", "cat /lines /greeting"]
            """)
        try fixture.buildID(["-t", "heredoc:1"])
        XCTAssertEqual(try fixture.run("heredoc:1"), "one\ntwo\nscript /dev/pipes/EOF\nhello world\n")
        XCTAssertTrue(try fixture.run("heredoc:1", ["cat", "/group-from-an-image"]).hasPrefix("root:x:0:"))
    }

    /// `.dockerignore` keeps files out of `COPY .`; docker's matcher: `**`, exceptions.
    func testDockerignoreKeepsFilesOutOfTheContext() throws {
        try fixture.write(".dockerignore", "# not for the image\nsecret.txt\n**/*.log\n!keep.log\n")
        try fixture.write("app/main.c", "int main(void) { return 0; }\n")
        try fixture.write("app/debug.log", "noise\n")
        try fixture.write("keep.log", "kept\n")
        try fixture.write("secret.txt", "password\n")
        try fixture.dockerfile("FROM busybox\nCOPY . /ctx\nCMD [\"find\", \"/ctx\", \"-type\", \"f\"]\n")
        try fixture.buildID(["-t", "ignore:1"])
        let files = try fixture.run("ignore:1").split(separator: "\n").map(String.init).sorted()
        XCTAssertEqual(files, ["/ctx/.dockerignore", "/ctx/Dockerfile", "/ctx/app/main.c", "/ctx/keep.log"])
    }

    private func uname() -> String {
        var info = utsname()
        Foundation.uname(&info)
        return withUnsafeBytes(of: &info.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
