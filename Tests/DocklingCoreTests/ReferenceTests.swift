import XCTest
@testable import DocklingCore

final class ReferenceTests: XCTestCase {
    private let hex = String(repeating: "0f", count: 32)

    func testNormalisesLikeDocker() throws {
        let cases: [(String, String, String)] = [
            ("busybox", "docker.io/library/busybox:latest", "busybox:latest"),
            ("busybox:1.36", "docker.io/library/busybox:1.36", "busybox:1.36"),
            ("me/app", "docker.io/me/app:latest", "me/app:latest"),
            ("docker.io/library/busybox:latest", "docker.io/library/busybox:latest", "busybox:latest"),
            ("index.docker.io/library/alpine", "docker.io/library/alpine:latest", "alpine:latest"),
            ("quay.io/org/app:v2", "quay.io/org/app:v2", "quay.io/org/app:v2"),
            ("localhost:5000/app", "localhost:5000/app:latest", "localhost:5000/app:latest"),
            ("localhost/bb:1", "localhost/bb:1", "localhost/bb:1"),
            ("a.b-c/d_e/f__g--h.i:T_1.x-y", "a.b-c/d_e/f__g--h.i:T_1.x-y", "a.b-c/d_e/f__g--h.i:T_1.x-y"),
        ]
        for (text, full, familiar) in cases {
            let reference = try ImageReference(parsing: text)
            XCTAssertEqual(reference.description, full, text)
            XCTAssertEqual(reference.familiarDescription, familiar, text)
        }
    }

    func testDigestReferencesGetNoDefaultTag() throws {
        let pinned = try ImageReference(parsing: "busybox@sha256:\(hex)")
        XCTAssertNil(pinned.tag)
        XCTAssertEqual(pinned.digest?.hex, hex)
        XCTAssertEqual(pinned.description, "docker.io/library/busybox@sha256:\(hex)")
        let both = try ImageReference(parsing: "busybox:1@sha256:\(hex)")
        XCTAssertEqual(both.tag, "1")
        XCTAssertEqual(both.digest?.hex, hex)
    }

    func testRefusesWhatDockerRefuses() {
        for text in ["", "Busybox", "busybox:", "busybox:bad!", "a//b", "-x", "x-", "a___b", "a..b", ":tag",
                     "busybox@sha256:abc", "busybox:" + String(repeating: "t", count: 129), "quay.io:x/app"] {
            XCTAssertThrowsError(try ImageReference(parsing: text), text)
        }
    }

    func testWithTagKeepsTheRepository() throws {
        let reference = try ImageReference(parsing: "quay.io/org/app:v1").with(tag: "v2")
        XCTAssertEqual(reference.description, "quay.io/org/app:v2")
        XCTAssertEqual(reference.familiarName, "quay.io/org/app")
    }
}
