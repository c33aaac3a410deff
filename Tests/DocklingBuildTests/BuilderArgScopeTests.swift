@testable import DocklingBuild
import XCTest

/// docker's ARG rules, without a build: globals, redeclaration, `--build-arg`, what RUN
/// sees and what its history entry says.
final class BuilderArgScopeTests: XCTestCase {
    private func expand(_ word: String, _ scope: [String: String]) -> String {
        word.replacingOccurrences(of: "$A", with: scope["A"] ?? "")
    }

    func testGlobalArgsExpandInOrderAndBuildArgsOverrideThem() throws {
        let globals = try ArgScope.globals([ArgDeclaration(name: "A", defaultValue: "1"),
                                            ArgDeclaration(name: "B", defaultValue: "$A-b"),
                                            ArgDeclaration(name: "C", defaultValue: "c")],
                                           given: ["C": "given"], expand: expand)
        XCTAssertEqual(globals["A"], "1")
        XCTAssertEqual(globals["B"], "1-b")
        XCTAssertEqual(globals["C"], "given")
        XCTAssertEqual(globals["TARGETOS"], "linux")
    }

    func testAStageSeesAGlobalOnlyOnceItRedeclaresIt() {
        var scope = ArgScope(given: [:], global: ["VERSION": "1.36"])
        XCTAssertNil(scope.value("VERSION"))
        scope.declare("VERSION", scope.resolve(ArgDeclaration(name: "VERSION", defaultValue: nil)) { $0 })
        XCTAssertEqual(scope.value("VERSION"), "1.36")
    }

    func testRunSeesArgsUnderTheImagesEnvAndUndeclaredProxies() {
        var scope = ArgScope(given: ["HTTP_PROXY": "http://proxy:3128", "MODE": "fast"], global: [:])
        for name in ["MODE", "SAME", "EMPTY"] {
            let value = scope.resolve(ArgDeclaration(name: name, defaultValue: name == "SAME" ? "arg" : nil)) { $0 }
            scope.declare(name, value)
        }
        XCTAssertEqual(scope.runEnvironment(over: ["PATH=/bin", "SAME=env"]),
                       ["PATH=/bin", "SAME=env", "MODE=fast", "HTTP_PROXY=http://proxy:3128"])
        let lookup: (String) -> String? = { $0 == "SAME" ? "env" : scope.value($0) }
        XCTAssertEqual(scope.runPrefix(lookup: lookup), "|3 MODE=fast SAME=env EMPTY= ")
        XCTAssertEqual(ArgScope(given: [:], global: [:]).runPrefix(lookup: lookup), "")
    }
}
