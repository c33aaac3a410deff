@testable import DocklingCore
import XCTest

final class LessonParserTests: XCTestCase {
    private let text = """
    # Title here

    Some prose.

    ```console
    $ echo one
    one
    $ false
    [exit 1]

    ```

    More prose.

    ```console
    $ ls
    ...
    ```
    """

    func testParsesStepsExpectedOutputAndExitCodes() throws {
        let lesson = try LessonParser.parse(text, fileName: "07-thing.md")
        XCTAssertEqual(lesson.number, 7)
        XCTAssertEqual(lesson.title, "Title here")
        XCTAssertEqual(lesson.steps, [
            LessonStep(command: "echo one", expected: ["one"]),
            LessonStep(command: "false", expected: [], expectedExit: 1),
            LessonStep(command: "ls", expected: ["..."]),
        ])
        XCTAssertEqual(lesson.parts.count, 5)
        XCTAssertEqual(lesson.parts[3], .prose("More prose."))
    }

    func testRefusesAnUnclosedBlockAndAnUnnumberedFile() {
        XCTAssertThrowsError(try LessonParser.parse("```console\n$ ls\n", fileName: "01-x.md"))
        XCTAssertThrowsError(try LessonParser.parse("# x", fileName: "intro.md"))
    }

    func testTheRealLessonsParse() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons")
        let lessons = try LessonLibrary(directory: dir.path).lessons()
        XCTAssertEqual(lessons.first?.number, 1)
        for lesson in lessons {
            XCTAssertFalse(lesson.steps.isEmpty, "lesson \(lesson.number) has no steps")
        }
    }
}

final class OutputMatcherTests: XCTestCase {
    func testExactLinesIgnoringTrailingSpace() {
        XCTAssertTrue(OutputMatcher.matches(expected: ["a", "b"], actual: ["a  ", "b"]))
        XCTAssertFalse(OutputMatcher.matches(expected: ["a", "b"], actual: ["a", "c"]))
        XCTAssertFalse(OutputMatcher.matches(expected: ["a"], actual: ["a", "extra"]))
        XCTAssertFalse(OutputMatcher.matches(expected: [" a"], actual: ["a"]))
    }

    func testEllipsisMatchesAnyNumberOfLines() {
        XCTAssertTrue(OutputMatcher.matches(expected: ["...", "end"], actual: ["x", "y", "end"]))
        XCTAssertTrue(OutputMatcher.matches(expected: ["...", "end"], actual: ["end"]))
        XCTAssertTrue(OutputMatcher.matches(expected: ["a", "...", "z"], actual: ["a", "z"]))
        XCTAssertTrue(OutputMatcher.matches(expected: ["..."], actual: []))
        XCTAssertFalse(OutputMatcher.matches(expected: ["...", "end"], actual: ["end", "after"]))
        XCTAssertFalse(OutputMatcher.matches(expected: [], actual: ["something"]))
    }

    func testLinesDropsTheFinalNewlineOnly() {
        XCTAssertEqual(OutputMatcher.lines("a\n\nb\n"), ["a", "", "b"])
        XCTAssertEqual(OutputMatcher.lines(""), [])
    }

    func testATraceMarkerAfterAStepIsACountTheStepsTraceMustHave() throws {
        let lesson = try LessonParser.parse("""
            # Counting

            ```console
            $ dockling-stdio -- true
            ```
            <!-- trace: 2 pipe2 -->

            The two pipes.
            """, fileName: "06-x.md")
        let step = try XCTUnwrap(lesson.steps.first)
        XCTAssertEqual(step.traceCounts, [try XCTUnwrap(TraceCount(marker: "<!-- trace: 2 pipe2 -->"))])
        XCTAssertEqual(lesson.parts.last, .prose("The two pipes."), "the marker is not prose")
        let pipe = TraceEvent(pid: 1, step: "stdio", call: "pipe2", args: [], result: 0, errno: nil, note: "")
        XCTAssertEqual(step.traceMismatches([pipe, pipe]), [])
        XCTAssertEqual(step.traceMismatches([pipe]), ["the lesson counts 2 × pipe2, the trace has 1"])
    }

    func testAFenceWithAFilePathIsAFileTheTourWrites() throws {
        let lesson = try LessonParser.parse("""
            # Files

            ```dockerfile file=app/Dockerfile
            FROM busybox

            RUN echo hi
            ```

            ```sh
            not a file, not a step
            ```
            """, fileName: "09-x.md")
        XCTAssertEqual(lesson.parts.count, 3, "the heading's prose, the file, the other block as prose")
        XCTAssertEqual(lesson.parts[1], .file(LessonFile(path: "app/Dockerfile", content: "FROM busybox\n\nRUN echo hi\n")))
        XCTAssertEqual(lesson.parts[2], .prose("```sh\nnot a file, not a step\n```"))
        XCTAssertTrue(lesson.steps.isEmpty)
        for fence in ["```text file=/etc/passwd", "```text file=../x", "```text file="] {
            XCTAssertThrowsError(try LessonParser.parse("# T\n\(fence)\nx\n```\n", fileName: "09-x.md"), fence)
        }
        XCTAssertThrowsError(try LessonParser.parse("# T\n```text file=a\nx\n", fileName: "09-x.md"), "not closed")
    }

    func testATraceMarkerThatFollowsNoStepIsAnError() {
        XCTAssertThrowsError(try LessonParser.parse("# T\n\nProse.\n<!-- trace: 1 mount -->\n", fileName: "03-x.md"))
    }
}
