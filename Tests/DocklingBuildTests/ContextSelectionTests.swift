@testable import DocklingBuild
import Foundation
import XCTest

/// COPY sources resolved against the build context: inside it whatever they say,
/// wildcards Go's, and a missing source explained.
final class ContextSelectionTests: XCTestCase {
    private var scratch: ContextScratch!
    private var root = ""

    override func tearDown() {
        scratch = nil  // its folder goes now, not when XCTest lets go of the test case
    }

    override func setUpWithError() throws {
        scratch = try ContextScratch("select")
        root = try scratch.folder("context")
        try scratch.file("app/main.c", in: root, "int main;")
        try scratch.file("app/util.c", in: root, "int util;")
        try scratch.file("app/notes.txt", in: root)
        try scratch.file("debug.log", in: root)
    }

    private func context(_ ignore: String = "") throws -> BuildContext {
        try BuildContext(directory: root, ignore: IgnoreRules(text: ignore), statCache: nil)
    }

    func testSourcesAreRelativeToTheContextAndCannotLeaveIt() throws {
        let context = try context()
        XCTAssertEqual(try context.select(["app/main.c", "/app/util.c", "../../app/./notes.txt", "."]).map(\.path),
                       ["app/main.c", "app/util.c", "app/notes.txt", ""])
        try scratch.file("secret", in: scratch.path, "outside")
        try scratch.link("escape", in: root, to: "../secret")
        let error = try XCTUnwrap(contextError { _ = try context.select(["escape"]) })
        XCTAssertEqual(error.what, "\"/escape\": not found", "a symlink out of the context stops at its root")
    }

    func testWildcardsMatchNameByNameInOrder() throws {
        let context = try context()
        let selected = try context.select(["app/*.c", "*/notes.???"])
        XCTAssertEqual(selected.map(\.path), ["app/main.c", "app/util.c", "app/notes.txt"])
        XCTAssertEqual(selected.map(\.pattern), ["app/*.c", "app/*.c", "*/notes.???"])
        XCTAssertEqual(try context.select(["*.nothing"]), [], "BuildKit allows a wildcard that matches nothing")
    }

    func testBracketsAndEscapesNameFilesWithWildcardCharacters() throws {
        try scratch.file("arr[0].txt", in: root)
        try scratch.file("what?", in: root)
        let context = try context()
        XCTAssertEqual(try context.select(["arr[[]0].txt"]).map(\.path), ["arr[0].txt"], "docker's documented escape")
        XCTAssertEqual(try context.select(["[w]hat\\?"]).map(\.path), ["what?"], "in a pattern, `\\` escapes as in Go")
        XCTAssertEqual(contextError { _ = try context.select(["app/[a-"]) }?.what, "syntax error in pattern \"app/[a-\"")
    }

    func testAMissingSourceSaysItIsAbsent() throws {
        let error = try XCTUnwrap(contextError { _ = try context().select(["main.c"]) })
        XCTAssertEqual(error.what, "\"/main.c\": not found")
        XCTAssertTrue(error.hint?.contains("there is no main.c in the build context \(root)") == true, error.hint ?? "")
    }

    func testAnExcludedSourceNamesTheIgnoreLine() throws {
        let context = try context("# logs\n*.log\n")
        let error = try XCTUnwrap(contextError { _ = try context.select(["debug.log"]) })
        XCTAssertEqual(error.what, "\"/debug.log\": not found", "docker's words: an ignored file was never sent")
        XCTAssertTrue(error.hint?.contains(".dockerignore line 2 (`*.log`) excludes it") == true, error.hint ?? "")
        XCTAssertEqual(try context.select(["*"]).map(\.path), ["app"], "a wildcard does not see excluded files")
    }

    func testAnExcludedFolderWithAnExceptionInsideIsStillThere() throws {
        let context = try context("app\n!app/main.c\n")
        XCTAssertEqual(try context.select(["app"]).map(\.path), ["app"])
        XCTAssertEqual(try context.select(["app/*"]).map(\.path), ["app/main.c"])
        XCTAssertNotNil(contextError { _ = try context.select(["app/util.c"]) })
    }

    func testAContextThatIsNotAFolderIsRefused() throws {
        let error = try XCTUnwrap(contextError {
            _ = try BuildContext(directory: root + "/nope", ignore: .none, statCache: nil)
        })
        XCTAssertEqual(error.what, "unable to prepare context: path \"\(root)/nope\" not found")
    }
}
