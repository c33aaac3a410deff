@testable import DocklingBuild
import FoundationEssentials
import XCTest

/// BuildKit's own word-expansion cases (`shell/envVarTest`, `shell/wordsTest`), every line,
/// run against dockling's lexer: `WordExpander.expand` must give BuildKit's `ProcessWord`
/// result and `expandWords` its `ProcessWords` words.
final class ExpansionCorpusTests: XCTestCase {
    private static let shellDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Corpus/shell")

    private func lines(_ name: String) throws -> [Substring] {
        let data = try Data(contentsOf: Self.shellDirectory.appendingPathComponent(name))
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// `PLATFORM | input | expected` with PWD, SHELL, KOREAN and NULL set; `error` = must fail.
    /// Lines for Windows (`W`) are skipped, as BuildKit skips them on Linux.
    func testEnvVarTestCases() throws {
        let environment = ["PWD": "/home", "SHELL": "bash", "KOREAN": "한국어", "NULL": ""]
        let expander = WordExpander(escape: "\\")
        var checked = 0
        var failures: [String] = []
        for (index, line) in try lines("envVarTest").enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || text.isEmpty { continue }
            let fields = text.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertEqual(fields.count, 3, "line \(index + 1)")
            guard fields.count == 3, fields[0] != "W" else { continue }
            checked += 1
            let result = Result { () throws(DockerfileError) in try expander.expand(fields[1], { environment[$0] }) }
            switch (result, fields[2]) {
            case (.failure, "error"): break
            case (.success(let value), let expected) where value == expected: break
            default: failures.append("line \(index + 1): \(fields[1]) → \(result), expected \(fields[2])")
            }
        }
        XCTAssertGreaterThan(checked, 100)
        XCTAssertEqual(failures, [])
    }

    /// `input | word,word` with the `ENV name=value` lines before it set; `error` = must fail.
    func testWordsTestCases() throws {
        var environment: [String: String] = [:]
        let expander = WordExpander(escape: "\\")
        var checked = 0
        var failures: [String] = []
        for (index, line) in try lines("wordsTest").enumerated() {
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("ENV ") {
                let assignment = line.dropFirst(3).drop { $0 == " " }
                let name = assignment.prefix { $0 != "=" }
                environment[String(name)] = String(assignment.dropFirst(name.count + 1))
                continue
            }
            let fields = line.split(separator: "|", omittingEmptySubsequences: false)
            XCTAssertEqual(fields.count, 2, "line \(index + 1)")
            guard fields.count == 2 else { continue }
            checked += 1
            let input = fields[0].trimmingCharacters(in: .whitespaces)
            let expected = fields[1].drop { $0 == " " }.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let words = (try? expander.expandWords(input, { environment[$0] })) ?? ["error"]
            if words != expected { failures.append("line \(index + 1): \(input) → \(words), expected \(expected)") }
        }
        XCTAssertGreaterThan(checked, 20)
        XCTAssertEqual(failures, [])
    }
}
