import XCTest
@testable import DocklingCore

/// `docker commit --change`: Dockerfile lines that edit the new image's config, and the
/// config a commit writes: the parent's, one layer and one history entry longer.
final class CommitChangeTests: XCTestCase {
    func testParsesEachInstructionAsADockerfileDoes() throws {
        XCTAssertEqual(try ImageChange(parsing: #"CMD ["echo","hi"]"#), .cmd(["echo", "hi"]))
        XCTAssertEqual(try ImageChange(parsing: "cmd echo hi there"), .cmd(["/bin/sh", "-c", "echo hi there"]),
                       "the shell form runs under /bin/sh -c")
        XCTAssertEqual(try ImageChange(parsing: #"ENTRYPOINT ["httpd", "-f"]"#), .entrypoint(["httpd", "-f"]))
        XCTAssertEqual(try ImageChange(parsing: #"ENV COLOR=blue NAME="a b""#), .env(["COLOR=blue", "NAME=a b"]))
        XCTAssertEqual(try ImageChange(parsing: "ENV GREETING hello world"), .env(["GREETING=hello world"]))
        XCTAssertEqual(try ImageChange(parsing: "  WORKDIR /srv"), .workdir("/srv"))
        XCTAssertEqual(try ImageChange(parsing: "EXPOSE 80 53/UDP"), .expose(["80/tcp", "53/udp"]))
    }

    func testRefusesWhatItCannotApply() {
        for line in ["RUN echo hi", "CMD", "ENV =x", "ENV LONELY", "EXPOSE http", "EXPOSE 80/ftp", #"ENV A="open"#] {
            XCTAssertThrowsError(try ImageChange(parsing: line), line)
        }
    }

    func testAppliesChangesInOrderWithDockerfileRules() throws {
        var config = ExecutionConfig(env: ["PATH=/bin", "COLOR=red"], cmd: ["sh"], workingDir: "/srv")
        config.apply([.env(["COLOR=blue", "NEW=1"]), .workdir("app"), .expose(["80/tcp"])])
        XCTAssertEqual(config.env, ["PATH=/bin", "COLOR=blue", "NEW=1"], "a later ENV replaces the value in its place")
        XCTAssertEqual(config.workingDir, "/srv/app", "a relative WORKDIR continues from the one before")
        XCTAssertEqual(config.exposedPorts, ["80/tcp": EmptyObject()])

        var entrypointOnly = ExecutionConfig(cmd: ["sh"])
        entrypointOnly.apply([.entrypoint(["httpd"])])
        XCTAssertNil(entrypointOnly.cmd, "the old CMD was written for the old entrypoint")
        var both = ExecutionConfig(cmd: ["sh"])
        both.apply([.cmd(["-f"]), .entrypoint(["httpd"])])
        XCTAssertEqual(both.entrypoint, ["httpd"])
        XCTAssertEqual(both.cmd, ["-f"], "a CMD among the changes stays, in either order")
    }

    func testTheCommittedConfigIsTheParentsPlusOneHistoryEntry() throws {
        let base = Digest.of(Array("base".utf8))
        let parent = ImageConfiguration(created: "2024-01-01T00:00:00Z", config: ExecutionConfig(env: ["A=1"], cmd: ["sh"]),
                                        rootfs: RootFS(diffIDs: [base]),
                                        history: [HistoryEntry(created: "2024-01-01T00:00:00Z", createdBy: "import")])
        var entry = HistoryEntry(created: "2024-02-02T00:00:00Z", createdBy: "sh -c echo hi > /f", comment: "greeting")
        entry.author = "Jane"
        let child = parent.committed(history: entry, execution: parent.config!, changes: [.cmd(["echo", "hi"])])
        XCTAssertEqual(child.rootfs.diffIDs, [base], "ImageStore.stack lists the new layer (see BuildImageTests)")
        XCTAssertEqual(child.history, parent.history! + [entry])
        XCTAssertEqual(child.created, "2024-02-02T00:00:00Z")
        XCTAssertEqual(child.author, "Jane")
        XCTAssertEqual(child.config?.env, ["A=1"])
        XCTAssertEqual(child.config?.cmd, ["echo", "hi"])
        XCTAssertEqual(child.os, parent.os)
        XCTAssertEqual(child.architecture, parent.architecture)
    }
}
