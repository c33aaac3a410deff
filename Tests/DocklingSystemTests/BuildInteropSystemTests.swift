import Foundation
import XCTest

/// A built image is an ordinary docker image. For five Dockerfiles — multi-stage, ONBUILD,
/// USER, heredocs, `.dockerignore` — `dockling save` → `podman load` → `podman run` prints
/// what `dockling run` prints (and what the Dockerfile says), and `podman image inspect` shows
/// the config `dockling inspect` shows. podman keeps its storage in the test's own folder
/// (`PrivatePodman`); every build runs with `--network none`.
final class BuildInteropSystemTests: XCTestCase {
    private var work: TemporaryRoot!
    private var podman: PrivatePodman!
    private var fixture: BuildFixture!

    /// The config fields both tools show, compared one by one.
    static let fields = ["Cmd", "Entrypoint", "Env", "WorkingDir", "User", "ExposedPorts", "Volumes", "Labels", "StopSignal"]
    static let defaultPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    override func setUpWithError() throws {
        work = try TemporaryRoot("build-interop-work")
        podman = try PrivatePodman(work: work.path)  // skips, saying why, where podman is absent
        fixture = try BuildFixture("build-interop")
    }

    override func tearDownWithError() throws {
        podman?.remove()
        try fixture?.clean()
        (podman, fixture, work) = (nil, nil, nil)
    }

    func testMultiStageResultFromScratchHoldsOneFile() throws {
        try fixture.dockerfile("""
            FROM busybox AS build
            RUN cp /bin/busybox /static-busybox && chmod 0555 /static-busybox
            FROM scratch
            COPY --from=build /static-busybox /bin/busybox
            ENV GREETING=hi
            LABEL org.example.kind=multi-stage
            EXPOSE 8080 53/udp
            VOLUME /data
            HEALTHCHECK --interval=30s --timeout=3s --retries=2 CMD ["/bin/busybox", "true"]
            STOPSIGNAL SIGQUIT
            ENTRYPOINT ["/bin/busybox"]
            CMD ["stat", "-c", "%a %n", "/bin/busybox"]
            """)
        let config = try assertPodmanAgrees("multistage", output: "555 /bin/busybox\n")
        assertConfig(config, [
            "Entrypoint": #"["/bin/busybox"]"#, "Cmd": #"["stat","-c","%a %n","/bin/busybox"]"#,
            "Env": #"["\#(Self.defaultPath)","GREETING=hi"]"#, "Labels": #"{"org.example.kind":"multi-stage"}"#,
            "ExposedPorts": #"{"53/udp":{},"8080/tcp":{}}"#, "Volumes": #"{"/data":{}}"#, "StopSignal": #""SIGQUIT""#,
            "Healthcheck": #"{"Interval":30000000000,"Retries":2,"Test":["CMD","/bin/busybox","true"],"Timeout":3000000000}"#,
        ])
        let layers = try podman.run(["image", "inspect", "--format", "{{len .RootFS.Layers}}", "docker.io/library/multistage:1"])
        XCTAssertEqual(layers.stdout, "1\n", "FROM scratch + one COPY is one layer")
        let files = try podman.files(of: "docker.io/library/multistage:1", work: work.path)
        XCTAssertEqual(files.filter { !$0.hasPrefix("d") }.map { $0.split(separator: " ").last.map(String.init) ?? $0 },
                       ["bin/busybox"], "the only file is the one copied:\n\(files.joined(separator: "\n"))")
    }

    func testOnbuildTriggersRunInTheChild() throws {
        try fixture.dockerfile("""
            FROM busybox
            ONBUILD RUN echo from the trigger > /onbuild
            ONBUILD ENV TRIGGERED=yes
            ONBUILD WORKDIR /triggered
            """)
        try fixture.buildID(["-t", "onbuild-base:1"])
        XCTAssertEqual(JSONSpelling.of(try fixture.config("onbuild-base:1")["OnBuild"]),
                       #"["RUN echo from the trigger > /onbuild","ENV TRIGGERED=yes","WORKDIR /triggered"]"#)
        try fixture.dockerfile("FROM onbuild-base:1\nCMD [\"sh\", \"-c\", \"cat /onbuild; echo $TRIGGERED; pwd\"]\n")
        let config = try assertPodmanAgrees("onbuild", output: "from the trigger\nyes\n/triggered\n")
        assertConfig(config, ["Env": #"["\#(Self.defaultPath)","TRIGGERED=yes"]"#, "WorkingDir": #""/triggered""#,
                              "OnBuild": "absent"])
        // podman's builder finds the triggers dockling stored (in a docker manifest's config) and runs them too.
        let base = work.path + "/onbuild-base.tar"
        try fixture.cli.succeed(["save", "-o", base, "onbuild-base:1"])
        try podman.run(["pull", "docker-archive:" + base])
        try podman.build(fixture.context.path, tag: "localhost/onbuild:podman")
        let ran = try podman.run(["run", "--runtime", "runc", "--rm", "--network", "none", "localhost/onbuild:podman"])
        XCTAssertEqual(ran.stdout, "from the trigger\nyes\n/triggered\n")
    }

    func testUserAddedInARunOwnsWhatFollows() throws {
        // What `adduser -D app` writes (Debian's busybox has no adduser applet).
        try fixture.dockerfile("""
            FROM busybox
            RUN echo 'app:x:1234:1234::/home/app:/bin/sh' >> /etc/passwd && echo 'app:x:1234:' >> /etc/group \\
                && mkdir -p /home/app && chown app:app /home/app
            USER app
            WORKDIR /home/app
            RUN echo written by $(id -un) > note
            ENV GREETING="hello there"
            CMD ["sh", "-c", "cat note; id; pwd; stat -c '%U %a' note; echo $GREETING"]
            """)
        let config = try assertPodmanAgrees("user", output: """
            written by app
            uid=1234(app) gid=1234(app) groups=1234(app)
            /home/app
            app 644
            hello there

            """)
        assertConfig(config, ["User": #""app""#, "WorkingDir": #""/home/app""#,
                              "Env": #"["\#(Self.defaultPath)","GREETING=hello there"]"#])
    }

    func testHeredocsRunAndCopy() throws {
        try fixture.dockerfile("""
            FROM busybox
            ARG WHO=podman
            RUN <<EOF
            echo first > /lines
            echo second >> /lines
            EOF
            COPY <<EOF /greeting
            hello $WHO
            EOF
            COPY <<'EOF' /literal
            kept as written: $WHO
            EOF
            CMD ["sh", "-c", "cat /lines /greeting /literal"]
            """)
        let config = try assertPodmanAgrees("heredoc", output: "first\nsecond\nhello podman\nkept as written: $WHO\n")
        assertConfig(config, ["Cmd": #"["sh","-c","cat /lines /greeting /literal"]"#])
    }

    func testDockerignoredFilesAreNotInTheImage() throws {
        // `*.log` matches at the top only (docker's matcher), `**/tmp` at any depth.
        for (path, text) in [".dockerignore": "*.log\nsecret*\n**/tmp\n!keep.log\n", "app/a.txt": "a\n", "app/b.log": "b\n",
                             "app/tmp/scratch": "t\n", "debug.log": "d\n", "secret.txt": "s\n", "keep.log": "k\n"] {
            try fixture.write(path, text)
        }
        try fixture.dockerfile("FROM busybox\nCOPY . /ctx\nCMD [\"sh\", \"-c\", \"cd /ctx && find . -type f | sort\"]\n")
        _ = try assertPodmanAgrees("dockerignore", output: "./.dockerignore\n./Dockerfile\n./app/a.txt\n./app/b.log\n./keep.log\n")
    }

    /// The same Dockerfile built by `podman build` and by dockling, both from the same busybox
    /// layers (dockling's, loaded into podman), gives the same files — mode, owner, size, link
    /// target, with whiteouts and opaque folders applied — and the same config. podman unpacks
    /// both images (`podman export`), so one reader lists both. The Dockerfile keeps to what
    /// podman 4.3 builds as docker does: no heredocs, no symbolic --chmod, no RUN --network, and
    /// no COPY --chown into a WORKDIR folder (podman makes that folder only at the COPY, owned
    /// as the copy; BuildKit and dockling make it at the WORKDIR, owned by root here).
    func testPodmanBuildOfTheSameDockerfileGivesTheSameFilesAndConfig() throws {
        try fixture.write("app/main.sh", "#!/bin/sh\necho app\n", mode: 0o755)
        try fixture.write("app/README", "readme\n")
        try fixture.write("app/sub/deep.txt", "deep\n")
        try fixture.write("secret.txt", "s3cret\n")
        let bundle = work.path + "/bundle"
        try FileManager.default.createDirectory(atPath: bundle + "/bundle", withIntermediateDirectories: true)
        try Data("b\n".utf8).write(to: URL(fileURLWithPath: bundle + "/bundle/b.txt"))
        try Data("#!/bin/sh\n".utf8).write(to: URL(fileURLWithPath: bundle + "/bundle/run"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bundle + "/bundle/run")
        let tar = try Tool.exec("/bin/tar", ["--owner=1234", "--group=5678", "--numeric-owner", "-C", bundle,
                                             "-cf", fixture.context.path + "/bundle.tar", "bundle"], timeout: 60)
        XCTAssertEqual(tar.status, 0, tar.stderr)
        try fixture.dockerfile(#"""
            FROM busybox AS tools
            RUN mkdir -p /out/bin && echo 'echo tool' > /out/bin/tool && chmod 0750 /out/bin/tool && ln -s tool /out/bin/alias

            FROM busybox
            ARG VERSION=1.2
            ENV APP_HOME=/srv/app APP_VERSION=$VERSION
            LABEL org.example.name=compared org.example.version=$VERSION
            WORKDIR $APP_HOME
            COPY --chown=daemon:daemon app/ /opt/app/
            COPY --chmod=0600 secret.txt /etc/app-secret
            ADD bundle.tar /opt/
            COPY --from=tools /out/ /usr/local/
            RUN mkdir -p data/cache && chown 1:1 data/cache && echo kept > data/file && ln data/file data/hard \
             && rm -rf /var/spool/mail /bin/vi /opt/bundle/b.txt \
             && rm -rf /opt/app/sub && mkdir /opt/app/sub && echo new > /opt/app/sub/new.txt
            USER daemon
            RUN id > /tmp/who
            EXPOSE 8080/tcp 9090/udp
            VOLUME ["/srv/app/data"]
            STOPSIGNAL SIGTERM
            ENTRYPOINT ["/bin/sh", "-c"]
            CMD ["echo $APP_VERSION"]
            """#)
        try fixture.buildID(["-t", "compared:1"])
        for image in ["busybox:latest", "compared:1"] {
            let archive = work.path + "/saved.tar"
            try fixture.cli.succeed(["save", "-o", archive, image])
            try podman.run(["load", "-i", archive])
        }
        try podman.build(fixture.context.path, tag: "localhost/compared:podman")

        let ours = try podman.files(of: "docker.io/library/compared:1", work: work.path)
        let theirs = try podman.files(of: "localhost/compared:podman", work: work.path)
        let differences = ours.filter { !theirs.contains($0) }.map { "dockling only: " + $0 }
            + theirs.filter { !ours.contains($0) }.map { "podman only:   " + $0 }
        XCTAssertEqual(differences, [], "the files of the two builds differ")
        XCTAssertEqual(ours.count, theirs.count)
        for row in ["-rw------- 0/0 7 etc/app-secret", "drwxr-xr-x 1/1 0 opt/app/", "-rwxr-xr-x 1/1 19 opt/app/main.sh",
                    "-rwxr-xr-x 1234/5678 10 opt/bundle/run", "-rw-r--r-- 0/0 4 opt/app/sub/new.txt",
                    "lrwxrwxrwx 0/0 0 usr/local/bin/alias -> tool", "-rwxr-x--- 0/0 10 usr/local/bin/tool",
                    "drwxr-xr-x 1/1 0 srv/app/data/cache/", "-rw-r--r-- 1/1 45 tmp/who"] {
            XCTAssertTrue(ours.contains(row), "dockling's image holds \(row)")
        }
        for gone in ["opt/bundle/b.txt", "opt/app/sub/deep.txt", "bin/vi", "var/spool/mail/"] {
            XCTAssertFalse(ours.contains { $0.hasSuffix(" " + gone) }, "\(gone) was removed by the RUN")
        }
        XCTAssertTrue(ours.contains { $0.hasPrefix("h") && $0.contains(" srv/app/data/") && $0.contains(" link to srv/app/data/") },
                      "data/file and data/hard are one file")

        let podmanConfig = try podman.inspectImage("localhost/compared:podman")["Config"] as? [String: Any] ?? [:]
        let config = try fixture.config("compared:1")
        for field in Self.fields {
            XCTAssertEqual(JSONSpelling.of(podmanConfig[field]), JSONSpelling.of(config[field]), field)
        }
        assertConfig(config, [
            "Entrypoint": #"["/bin/sh","-c"]"#, "Cmd": #"["echo $APP_VERSION"]"#, "User": #""daemon""#,
            "Env": #"["\#(Self.defaultPath)","APP_HOME=/srv/app","APP_VERSION=1.2"]"#, "WorkingDir": #""/srv/app""#,
            "Labels": #"{"org.example.name":"compared","org.example.version":"1.2"}"#, "StopSignal": #""SIGTERM""#,
            "ExposedPorts": #"{"8080/tcp":{},"9090/udp":{}}"#, "Volumes": #"{"/srv/app/data":{}}"#,
        ])
    }

    /// Builds the fixture's Dockerfile as `name:1`; `dockling run` must print `output`. Then
    /// podman gets the saved image twice: `podman load` (which reads the archive's OCI layout)
    /// must run it printing the same and inspect the same config; `podman pull docker-archive:`
    /// (a docker manifest, for which podman also shows docker's `Healthcheck`) likewise, with
    /// the Healthcheck; that copy stays. Returns dockling's config, for what the Dockerfile says.
    private func assertPodmanAgrees(_ name: String, output: String,
                                    file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        try fixture.buildID(["-t", "\(name):1"], file: file, line: line)
        let ours = try fixture.run("\(name):1", file: file, line: line)
        XCTAssertEqual(ours, output, "dockling run \(name):1", file: file, line: line)
        let config = try fixture.config("\(name):1")
        let archive = work.path + "/\(name).tar"
        try fixture.cli.succeed(["save", "-o", archive, "\(name):1"], file: file, line: line)
        let reference = "docker.io/library/\(name):1"
        for door in [["load", "-i", archive], ["pull", "docker-archive:" + archive]] {
            if door[0] == "pull" { try podman.run(["rmi", reference]) }  // so that the pull stores it afresh
            try podman.run(door)
            let theirs = try podman.run(["run", "--runtime", "runc", "--rm", "--network", "none", reference]).stdout
            XCTAssertEqual(theirs, ours, "podman \(door[0]) → podman run \(name):1", file: file, line: line)
            let image = try podman.inspectImage(reference)
            let inspected = image["Config"] as? [String: Any] ?? [:]
            for field in Self.fields {
                XCTAssertEqual(JSONSpelling.of(inspected[field]), JSONSpelling.of(config[field]),
                               "podman \(door[0]) → inspect \(name):1 \(field)", file: file, line: line)
            }
            if door[0] == "pull" {
                XCTAssertEqual(JSONSpelling.of(image["Healthcheck"]), JSONSpelling.of(config["Healthcheck"]),
                               "podman inspect \(name):1 Healthcheck", file: file, line: line)
            }
        }
        return config
    }

    /// dockling's config holds what the Dockerfile says (`JSONSpelling` of each field).
    private func assertConfig(_ config: [String: Any], _ expected: [String: String],
                              file: StaticString = #filePath, line: UInt = #line) {
        for (field, value) in expected {
            XCTAssertEqual(JSONSpelling.of(config[field]), value, field, file: file, line: line)
        }
    }
}
