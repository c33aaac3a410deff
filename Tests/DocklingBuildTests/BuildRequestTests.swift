import DocklingBuild
import DocklingCore
import XCTest

/// `BuildRequest(context:…)` is the one place the build flags become a request, for
/// `dockling build` and `dockling-build build` alike.
final class BuildRequestTests: XCTestCase {
    func testTheFlagsAsTypedBecomeARequest() throws {
        let request = try BuildRequest(context: "app", dockerfile: "app/Dockerfile.dev", tags: ["web", "web:1.0"],
                                       buildArgs: ["A=1", "B", "C=x=y"], target: "build", noCache: true,
                                       network: "host", labels: ["team=web"], iidFile: "id.txt", quiet: true)
        XCTAssertEqual(request.context, .directory("app"))
        XCTAssertEqual(request.dockerfile, "app/Dockerfile.dev")
        XCTAssertEqual(request.tags.map(\.familiarDescription), ["web:latest", "web:1.0"])
        XCTAssertEqual(request.buildArgs, [ArgDeclaration(name: "A", defaultValue: "1"), ArgDeclaration(name: "B", defaultValue: nil),
                                           ArgDeclaration(name: "C", defaultValue: "x=y")])
        XCTAssertEqual(request.target, "build")
        XCTAssertTrue(request.noCache)
        XCTAssertEqual(request.network, .host)
        XCTAssertEqual(request.labels, [NameValue(name: "team", value: "web")])
        XCTAssertEqual(request.iidFile, "id.txt")
        XCTAssertTrue(request.quiet)
    }

    func testADashIsStandardInputAndTheRestHasDockersDefaults() throws {
        let request = try BuildRequest(context: "-")
        XCTAssertEqual(request.context, .standardInput)
        XCTAssertNil(request.dockerfile)
        XCTAssertEqual(request.network, .default)
        XCTAssertFalse(request.noCache)
        XCTAssertTrue(request.tags.isEmpty && request.labels.isEmpty && request.buildArgs.isEmpty)
    }

    func testABadFlagIsRefusedNamingIt() {
        XCTAssertThrowsError(try BuildRequest(context: ".", network: "bridge")) { error in
            XCTAssertTrue("\(error)".contains("--network takes none, host or default, not 'bridge'"), "\(error)")
        }
        XCTAssertThrowsError(try BuildRequest(context: ".", labels: ["novalue"])) { error in
            XCTAssertTrue("\(error)".contains("--label novalue: expected KEY=VALUE"), "\(error)")
        }
        XCTAssertThrowsError(try BuildRequest(context: ".", tags: ["Bad Name"]))
    }
}
