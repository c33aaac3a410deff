@testable import DocklingCore
import XCTest

/// docker's rule for a container's environment: the image's Env, then `-e`, later names
/// replacing earlier ones; `-e NAME` alone takes NAME's value from dockling's own
/// environment, or adds nothing when dockling has no NAME.
final class ContainerEnvironmentTests: XCTestCase {
    func testABareNameTakesItsValueFromTheHost() throws {
        var options = RunOptions(image: "busybox")
        options.environment = ["EDITOR", "MISSING", "COLOR=blue"]
        let host = ["EDITOR": "vi", "UNASKED": "no"]
        let (process, config) = try ContainerFactory.environment(
            image: ["COLOR=red", "LANG=C"], options: options, hostname: "box", host: { host[$0] })
        XCTAssertEqual(config, ["COLOR=blue", "LANG=C", "EDITOR=vi"])
        XCTAssertEqual(process, ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                                 "HOSTNAME=box", "COLOR=blue", "LANG=C", "EDITOR=vi", "HOME=/root"])
    }

    func testTheProcessEnvironmentIsLookedUpOneNameAtATime() {
        setenv("DOCKLING_TEST_LOOKUP", "a=b", 1)
        defer { unsetenv("DOCKLING_TEST_LOOKUP") }
        XCTAssertEqual(ProcessEnvironment.value("DOCKLING_TEST_LOOKUP"), "a=b")
        XCTAssertEqual(ProcessEnvironment.current["DOCKLING_TEST_LOOKUP"], "a=b")
        XCTAssertNil(ProcessEnvironment.value("DOCKLING_TEST_NEVER_SET"))
    }
}
