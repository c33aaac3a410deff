@testable import DocklingBuild
import FoundationEssentials
import XCTest

/// BuildKit's own parser test corpus, every case on disk (`Corpus/`): each positive case's
/// `dump()` must equal BuildKit's expected `result` byte for byte, and each negative case must
/// fail with an error that names a line, or the file as a whole.
final class ParserCorpusTests: XCTestCase {
    private static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    private func cases(_ folder: String) throws -> [(name: String, directory: URL)] {
        let directory = Self.corpus.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        return names.map { ($0, directory.appendingPathComponent($0)) }
    }

    private func text(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    func testEveryPositiveCaseDumpsAsBuildKitExpects() throws {
        let cases = try cases("testfiles")
        XCTAssertGreaterThanOrEqual(cases.count, 30, "the corpus is missing")
        var failed: [String] = []
        for (name, directory) in cases {
            let dockerfile = try text(directory.appendingPathComponent("Dockerfile"))
            let expected = try text(directory.appendingPathComponent("result"))
            do {
                let dump = try DockerfileSyntaxTree.parse(dockerfile, file: "Dockerfile").dump()
                if dump != expected { failed.append("\(name): got\n\(dump)\nexpected\n\(expected)") }
            } catch {
                failed.append("\(name): \(error)")
            }
        }
        XCTAssertEqual(failed, [], "\(failed.count) of \(cases.count) cases differ from BuildKit")
    }

    func testEveryNegativeCaseFailsNamingWhere() throws {
        let cases = try cases("testfiles-negative")
        XCTAssertGreaterThanOrEqual(cases.count, 4, "the corpus is missing")
        for (name, directory) in cases {
            let dockerfile = try text(directory.appendingPathComponent("Dockerfile"))
            do {
                let parsed = try Dockerfile.parse(dockerfile, file: "Dockerfile")
                XCTFail("\(name) parsed into \(parsed.stages.count) stages; BuildKit rejects it")
            } catch {
                XCTAssertEqual(error.file, "Dockerfile", name)
                XCTAssertFalse(error.message.isEmpty, name)
                if let line = error.line {
                    let lines = dockerfile.split(separator: "\n", omittingEmptySubsequences: false).count
                    XCTAssertTrue((1...lines).contains(line), "\(name): line \(line)")
                    XCTAssertTrue(error.description.hasPrefix("Dockerfile:\(line): "), error.description)
                } else {
                    XCTAssertTrue(error.description.hasPrefix("Dockerfile: "), error.description)
                }
            }
        }
    }

    /// BuildKit's `TestParseIncludesLineNumbers`: where each instruction starts and ends.
    func testLineNumbersOfContinuedInstructions() throws {
        let dockerfile = try text(Self.corpus.appendingPathComponent("testfile-line/Dockerfile"))
        let tree = try DockerfileSyntaxTree.parse(dockerfile, file: "Dockerfile")
        XCTAssertEqual(tree.instructions.map { [$0.startLine, $0.endLine] }, [[5, 5], [11, 12], [17, 31]])
    }
}
