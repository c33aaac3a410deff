@testable import DocklingCore
import XCTest

/// docker's rule for what a container runs: the Entrypoint, then the Cmd.
final class ContainerCommandTests: XCTestCase {
    func testEntrypointDropsTheImagesCmd() {
        let image = ExecutionConfig(entrypoint: ["/entry"], cmd: ["sh"])
        let bare = ContainerFactory.command(image: image, entrypoint: "echo", command: [])
        XCTAssertEqual(bare.entrypoint, ["echo"])
        XCTAssertNil(bare.cmd, "docker runs echo with no arguments, and inspect shows Cmd null")
        let given = ContainerFactory.command(image: image, entrypoint: "echo", command: ["hi"])
        XCTAssertEqual(given.entrypoint, ["echo"])
        XCTAssertEqual(given.cmd, ["hi"])
    }
}
