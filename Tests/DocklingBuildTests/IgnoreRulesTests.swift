@testable import DocklingBuild
import XCTest

/// `.dockerignore` as docker reads and matches it (moby/patternmatcher), with the examples
/// of docker's documentation and of the research page.
final class IgnoreRulesTests: XCTestCase {
    private func rules(_ lines: String...) throws -> IgnoreRules {
        try IgnoreRules(text: lines.joined(separator: "\n") + "\n")
    }

    private func excluded(_ rules: IgnoreRules, _ path: String) -> Bool { rules.exclusion(of: path) != nil }

    func testTheLastMatchingLineWins() throws {
        let exceptionLast = try rules("*.md", "!README*.md", "README-secret.md")
        XCTAssertTrue(excluded(exceptionLast, "notes.md"))
        XCTAssertFalse(excluded(exceptionLast, "README.md"))
        XCTAssertEqual(exceptionLast.exclusion(of: "README-secret.md"),
                       IgnoreMatch(file: ".dockerignore", line: 3, pattern: "README-secret.md"))
        let exceptionFirst = try rules("*.md", "README-secret.md", "!README*.md")
        XCTAssertNil(exceptionFirst.exclusion(of: "README-secret.md"), "reordered, the exception comes last and wins")
        XCTAssertTrue(excluded(exceptionFirst, "notes.md"))
    }

    func testDockerDocumentationExamples() throws {
        let rules = try rules("# comment", "*/temp*", "*/*/temp*", "temp?")
        XCTAssertTrue(excluded(rules, "somedir/temporary.txt"))
        XCTAssertTrue(excluded(rules, "somedir/temp"))
        XCTAssertTrue(excluded(rules, "somedir/subdir/temporary.txt"))
        XCTAssertTrue(excluded(rules, "tempa"))
        XCTAssertFalse(excluded(rules, "temporary.txt"), "`temp?` is one character, and `*/temp*` needs a folder")
        XCTAssertFalse(excluded(rules, "a/b/c/temp"), "`*` never crosses a slash")
        XCTAssertEqual(rules.exclusion(of: "tempb")?.line, 4, "comment lines count in line numbers")
    }

    func testDoubleStarMatchesAnyNumberOfFolders() throws {
        let rules = try rules("**/*.go")
        XCTAssertTrue(excluded(rules, "main.go"), "zero folders")
        XCTAssertTrue(excluded(rules, "a/b/c.go"))
        XCTAssertFalse(excluded(rules, "main.c"))
        let everything = try self.rules("**")
        XCTAssertTrue(excluded(everything, "x"))
        XCTAssertTrue(excluded(everything, "a/b/c"))
        let suffix = try self.rules("**/cache")
        XCTAssertTrue(excluded(suffix, "cache"), "`**/name` matches the name at the root too")
        XCTAssertTrue(excluded(suffix, "a/b/cache/x"))
        XCTAssertFalse(excluded(suffix, "a/mycache"))
        let prefix = try self.rules("build/**")
        XCTAssertTrue(excluded(prefix, "build/x/y.o"))
        XCTAssertFalse(excluded(prefix, "builder"))
    }

    func testPatternsAreAnchoredAndParentsExcludeTheirContents() throws {
        let rules = try rules("*.md", "vendor")
        XCTAssertFalse(excluded(rules, "docs/guide.md"), "`*.md` is for the root only")
        XCTAssertTrue(excluded(rules, "vendor/lib/x.c"), "a folder excluded excludes everything in it")
        XCTAssertFalse(excluded(rules, "vendors"))
    }

    func testAnExceptionCanBringBackAFileUnderAnExcludedFolder() throws {
        let rules = try rules("dir", "!dir/keep")
        XCTAssertNil(rules.exclusion(of: "dir/keep"))
        XCTAssertEqual(rules.exclusion(of: "dir/other")?.pattern, "dir")
        XCTAssertTrue(rules.hasExceptions)
    }

    func testLinesAreReadAsDockerReadsThem() throws {
        let text = "\u{FEFF}*.log\r\n  # not a comment once indented\n\n   /foo/bar/   \n! tmp \n./a/../b//c\n.\n"
        let rules = try IgnoreRules(text: text)
        XCTAssertEqual(rules.exclusion(of: "x.log")?.line, 1, "the byte-order mark is dropped, CRLF read as a line end")
        XCTAssertEqual(rules.exclusion(of: "# not a comment once indented")?.line, 2)
        XCTAssertEqual(rules.exclusion(of: "foo/bar/baz")?.pattern, "foo/bar", "leading slash and trailing slash removed")
        XCTAssertEqual(rules.exclusion(of: "b/c")?.pattern, "b/c", "patterns are cleaned like Go paths")
        XCTAssertFalse(excluded(rules, "anything"), "the pattern `.` excludes nothing")
        XCTAssertEqual(rules.patterns.map(\.isException), [false, false, false, true, false, false])
    }

    func testEscapesAndClasses() throws {
        let rules = try rules("a\\*b", "file[0-9].txt", "[^x]y")
        XCTAssertTrue(excluded(rules, "a*b"))
        XCTAssertFalse(excluded(rules, "axb"))
        XCTAssertTrue(excluded(rules, "file7.txt"))
        XCTAssertFalse(excluded(rules, "filex.txt"))
        XCTAssertTrue(excluded(rules, "zy"))
        XCTAssertFalse(excluded(rules, "xy"))
    }

    func testMalformedLinesAreErrorsNamingTheLine() throws {
        let bang = try XCTUnwrap(contextError { _ = try IgnoreRules(text: "a\n!\n") })
        XCTAssertEqual(bang.what, ".dockerignore line 2: illegal exclusion pattern: \"!\"")
        let bracket = try XCTUnwrap(contextError { _ = try IgnoreRules(text: "# x\n\nfile[a-\n", file: "Dockerfile.dockerignore") })
        XCTAssertEqual(bracket.what, "Dockerfile.dockerignore line 3: syntax error in pattern \"file[a-\"")
    }

    func testNoRulesExcludeNothing() {
        XCTAssertNil(IgnoreRules.none.exclusion(of: "anything/at/all"))
    }
}
