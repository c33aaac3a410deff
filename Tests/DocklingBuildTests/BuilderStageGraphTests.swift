@testable import DocklingBuild
import XCTest

/// Which stages a build needs, in which order — BuildKit's rule: only those the target
/// depends on, a dependency before its user, a cycle refused.
final class BuilderStageGraphTests: XCTestCase {
    private func graph(_ text: String, globals: [String: String] = [:]) throws -> StageGraph {
        let dockerfile = try Dockerfile.parse(text, file: "Dockerfile")
        let expander = WordExpander(escape: "\\")
        return try StageGraph(dockerfile) { try expander.expand($0) { globals[$0] } }
    }

    func testOnlyTheStagesTheTargetNeedsAreBuiltDependenciesFirst() throws {
        let stages = try graph("""
            FROM busybox AS tools
            FROM busybox AS unused
            FROM tools AS build
            COPY --from=0 /x /y
            FROM scratch
            COPY --from=build /out /out
            COPY --from=Tools /t /t
            """)
        XCTAssertEqual(stages.bases, [.image("busybox"), .image("busybox"), .stage(0), .scratch])
        XCTAssertEqual(try stages.order(for: try stages.target(nil)), [0, 2, 3])
        XCTAssertEqual(try stages.order(for: try stages.target("BUILD")), [0, 2])
        XCTAssertThrowsError(try stages.target("nope")) { error in
            XCTAssertEqual((error as? BuildFailure)?.message, "target stage \"nope\" could not be found")
        }
    }

    func testGlobalArgsNameTheBaseAndALaterStageIsAnImageName() throws {
        let stages = try graph("FROM ${IMAGE}:${TAG} AS first\nFROM second\nFROM busybox AS second\n",
                               globals: ["IMAGE": "busybox", "TAG": "1.36"])
        XCTAssertEqual(stages.bases, [.image("busybox:1.36"), .image("second"), .image("busybox")])
        XCTAssertThrowsError(try graph("FROM $NOTHING\n")) { error in
            XCTAssertEqual((error as? BuildFailure)?.message, "base name ($NOTHING) should not be blank")
        }
    }

    func testACycleThroughCopyFromIsRefused() throws {
        let stages = try graph("FROM busybox AS a\nCOPY --from=b /x /x\nFROM busybox AS b\nCOPY --from=a /y /y\n")
        XCTAssertThrowsError(try stages.order(for: 1)) { error in
            let failure = error as? BuildFailure
            XCTAssertEqual(failure?.message, "circular dependency detected on stage: b")
            XCTAssertEqual(failure?.lines, 3...3)
        }
    }
}
