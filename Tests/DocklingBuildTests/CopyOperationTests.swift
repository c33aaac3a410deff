@testable import DocklingBuild
import DocklingCore
import Foundation
import XCTest

/// COPY into a new layer folder, by docker's rules, on top of a base image's layers.
final class CopyOperationTests: XCTestCase {
    private var scratch: ContextScratch!
    private var context = "", base = "", layer = ""

    override func tearDown() {
        scratch = nil  // its folder goes now, not when XCTest lets go of the test case
    }

    override func setUpWithError() throws {
        try requireRootForOwners()
        scratch = try ContextScratch("copy")
        context = try scratch.folder("context")
        base = try scratch.folder("base")
        layer = try scratch.folder("layer")
        try scratch.file("app/main.c", in: context, "int main;")
        try scratch.file("app/lib/util.c", in: context, "int util;")
        try scratch.file("run.sh", in: context, "echo hi", mode: 0o755)
        try scratch.file("a.txt", in: context, "a")
        try scratch.file("b.txt", in: context, "b")
        try scratch.file("etc/passwd", in: base, "root:x:0:0::/root:/bin/sh\napp:x:1000:1001::/home/app:/bin/sh\n")
        try scratch.file("etc/group", in: base, "root:x:0:\napp:x:1001:\nstaff:x:50:\n")
    }

    private func copy(_ sources: [String], _ destination: String, workdir: String = "/", ignore: String = "",
                      configure: (inout CopyInstruction) -> Void = { _ in }) throws {
        var instruction = CopyInstruction(isAdd: false, sources: sources, destination: destination)
        configure(&instruction)
        let build = try BuildContext(directory: context, ignore: IgnoreRules(text: ignore), statCache: nil)
        try CopyOperation(instruction: instruction, workdir: workdir)
            .apply(from: .context(build), onto: LayeredTree(layers: [base]), into: layer)
    }

    private func owner(_ path: String) -> String? {
        lstatOf(layer + path).map { "\($0.st_uid):\($0.st_gid)" }
    }

    private func mode(_ path: String) -> mode_t? { lstatOf(layer + path).map { $0.st_mode & 0o7777 } }

    func testAFileToAFolderAndToANewName() throws {
        try copy(["a.txt"], "/dest/")
        XCTAssertEqual(textOf(layer + "/dest/a.txt"), "a")
        try copy(["b.txt"], "/renamed")
        XCTAssertEqual(textOf(layer + "/renamed"), "b")
        XCTAssertEqual(mode("/dest"), 0o755, "a missing parent folder is made 0755")
        XCTAssertEqual(owner("/dest"), "0:0")
    }

    func testAFolderCopiesItsContentsWithModes() throws {
        try copy(["app", "run.sh"], "/srv/")
        XCTAssertEqual(textOf(layer + "/srv/main.c"), "int main;", "the folder's contents, not the folder")
        XCTAssertEqual(textOf(layer + "/srv/lib/util.c"), "int util;")
        XCTAssertNil(lstatOf(layer + "/srv/app"))
        XCTAssertEqual(mode("/srv/run.sh"), 0o755, "file modes are kept")
    }

    func testSeveralSourcesNeedAFolderDestination() throws {
        let error = try XCTUnwrap(contextError { try copy(["a.txt", "b.txt"], "/dest") })
        XCTAssertEqual(error.what, "When using COPY with more than one source file, the destination must be a directory and end with a /")
        XCTAssertNotNil(contextError { try copy(["*.txt"], "/dest") }, "a wildcard's matches count one by one")
        try copy(["[a].txt"], "/single")
        XCTAssertEqual(textOf(layer + "/single"), "a", "a wildcard that matches one file may name a file")
    }

    func testRelativeDestinationsAreUnderWorkdir() throws {
        try copy(["a.txt"], "sub/", workdir: "/work")
        XCTAssertEqual(textOf(layer + "/work/sub/a.txt"), "a")
        try copy(["b.txt"], ".", workdir: "/work")
        XCTAssertEqual(textOf(layer + "/work/b.txt"), "b", "`.` is the working directory itself")
    }

    func testAnExistingFolderOfTheImageIsAFolderAndIsCopiedUp() throws {
        try FileManager.default.createDirectory(atPath: base + "/data", withIntermediateDirectories: true)
        XCTAssertEqual(chmod(base + "/data", 0o1770), 0)
        XCTAssertEqual(chown(base + "/data", 5, 6), 0)
        try copy(["a.txt"], "/data")
        XCTAssertEqual(textOf(layer + "/data/a.txt"), "a", "no trailing slash, but the image has the folder")
        XCTAssertEqual(mode("/data"), 0o1770, "the folder is made in the layer as the image has it")
        XCTAssertEqual(owner("/data"), "5:6")
    }

    func testOwnersAreRootUnlessChownAndChownNamesComeFromTheImage() throws {
        XCTAssertEqual(chown(context + "/a.txt", 1234, 1234), 0)
        try copy(["a.txt"], "/root-owned")
        XCTAssertEqual(owner("/root-owned"), "0:0")
        try copy(["app"], "/home/app/src/") { $0.chown = "app" }
        XCTAssertEqual(owner("/home/app/src/main.c"), "1000:1001", "the user's primary group")
        XCTAssertEqual(owner("/home/app/src/lib"), "1000:1001")
        XCTAssertEqual(owner("/home/app"), "1000:1001", "BuildKit gives the folders it makes the --chown owner too")
        try copy(["b.txt"], "/staff") { $0.chown = "app:staff" }
        XCTAssertEqual(owner("/staff"), "1000:50")
        let error = try XCTUnwrap(contextError { try copy(["b.txt"], "/x") { $0.chown = "nobody" } })
        XCTAssertEqual(error.what, "unable to find user nobody: no matching entries in passwd file")
    }

    func testChmodOctalAndSymbolic() throws {
        XCTAssertEqual(chmod(context + "/a.txt", 0o600), 0)
        try copy(["a.txt"], "/octal") { $0.chmod = "0640" }
        XCTAssertEqual(mode("/octal"), 0o640)
        try copy(["app", "run.sh", "a.txt"], "/symbolic/") { $0.chmod = "u=rwX,go=rX" }
        XCTAssertEqual(mode("/symbolic/a.txt"), 0o644, "X: no execute for a file nobody could execute")
        XCTAssertEqual(mode("/symbolic/run.sh"), 0o755, "X: execute for a file that was executable")
        XCTAssertEqual(mode("/symbolic/lib"), 0o755, "X: execute (enter) for folders")
        try copy(["a.txt"], "/plus-x") { $0.chmod = "+x" }
        XCTAssertEqual(mode("/plus-x"), 0o711)
        XCTAssertEqual(contextError { try copy(["a.txt"], "/bad") { $0.chmod = "u=rwz" } }?.what,
                       "invalid chmod parameter: 'u=rwz'")
    }

    func testSymlinksAndHardLinksAreKept() throws {
        try scratch.link("app/current", in: context, to: "main.c")
        XCTAssertEqual(link(context + "/app/main.c", context + "/app/also-main.c"), 0)
        try copy(["app"], "/app/")
        XCTAssertEqual(DocklingCore.Path.readLink(layer + "/app/current"), "main.c")
        let first = try XCTUnwrap(lstatOf(layer + "/app/main.c")), second = try XCTUnwrap(lstatOf(layer + "/app/also-main.c"))
        XCTAssertEqual(first.st_ino, second.st_ino, "two names of one file stay one file")
    }

    func testIgnoredFilesAreNotCopiedFromAFolder() throws {
        try copy(["."], "/all/", ignore: "app/lib\n*.sh\n")
        XCTAssertNotNil(lstatOf(layer + "/all/app/main.c"))
        XCTAssertNil(lstatOf(layer + "/all/app/lib"))
        XCTAssertNil(lstatOf(layer + "/all/run.sh"))
    }

    func testSymlinksOfTheImageNeverLeadAWriteOutOfTheLayer() throws {
        try scratch.link("var/run", in: base, to: "/run")
        try scratch.link("escape", in: base, to: "../../../../../../" + scratch.path + "/outside")
        try copy(["a.txt"], "/var/run/")
        XCTAssertEqual(textOf(layer + "/run/a.txt"), "a", "/var/run -> /run, followed inside the image")
        try copy(["b.txt"], "/escape/")
        XCTAssertNil(lstatOf(scratch.path + "/outside"), "nothing was written outside the layer")
        XCTAssertEqual(textOf(layer + scratch.path + "/outside/b.txt"), "b", "`..` stopped at the image's root")
    }

    func testHeredocSourcesWriteTheirContent() throws {
        try copy(["EOF"], "/etc/motd") {
            $0.heredocs = [Heredoc(name: "EOF", content: "hello\n", expand: true)]
        }
        XCTAssertEqual(textOf(layer + "/etc/motd"), "hello\n")
        XCTAssertEqual(mode("/etc/motd"), 0o644)
        XCTAssertEqual(mode("/etc"), 0o755)
        try copy(["one", "two"], "/docs/") {
            $0.heredocs = [Heredoc(name: "one", content: "1\n", expand: false), Heredoc(name: "two", content: "2\n", expand: false)]
            $0.chmod = "755"
        }
        XCTAssertEqual(textOf(layer + "/docs/two"), "2\n")
        XCTAssertEqual(mode("/docs/one"), 0o755)
    }

    func testURLsAreRefusedClearly() throws {
        let add = try XCTUnwrap(contextError { try copy(["https://example.com/x.tar"], "/") { $0.isAdd = true } })
        XCTAssertTrue(add.what.hasPrefix("ADD from a URL needs the network: dockling does not fetch URLs yet"))
        XCTAssertEqual(contextError { try copy(["http://example.com/x"], "/") }?.what, "source can't be a URL for COPY")
    }

    func testFlagsThatAreNotCarriedOutAreRefusedNotIgnored() throws {
        XCTAssertEqual(contextError { try copy(["app"], "/") { $0.parents = true } }?.what,
                       "COPY --parents is not supported by dockling yet")
        XCTAssertEqual(contextError { try copy(["app"], "/") { $0.excludes = ["*.c"] } }?.what,
                       "COPY --exclude is not supported by dockling yet")
        XCTAssertEqual(contextError { try copy(["a.txt"], "/") { $0.isAdd = true; $0.checksum = "sha256:00" } }?.what,
                       "checksum can't be specified for non-HTTP(S) sources")
        XCTAssertNil(lstatOf(layer + "/main.c"), "nothing was written")
        try copy(["a.txt"], "/linked") { $0.link = true }
        XCTAssertEqual(textOf(layer + "/linked"), "a")
    }

    func testAWorkingDirectoryIsMadeThroughTheImage() throws {
        try scratch.link("var/run", in: base, to: "/run")
        try FileManager.default.createDirectory(atPath: base + "/run", withIntermediateDirectories: true)
        XCTAssertEqual(chmod(base + "/run", 0o700), 0)
        try LayeredTree(layers: [base]).makeFolder("/var/run/app", in: layer, owner: (1000, 1001))
        XCTAssertEqual(mode("/run"), 0o700, "the image's folder, copied up")
        XCTAssertEqual(owner("/run"), "0:0")
        XCTAssertEqual(owner("/run/app"), "1000:1001", "a new folder is the user's")
        XCTAssertNil(lstatOf(layer + "/var"), "the symlink was followed, not replaced")
    }
}
