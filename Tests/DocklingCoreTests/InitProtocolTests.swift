@testable import DocklingCore
import XCTest

final class InitProtocolTests: XCTestCase {
    func testMessagesRoundTrip() {
        let messages: [InitMessage] = [.containerPID(4242), .go, .seccomp(byteCount: 2624),
                                       .failed(code: 127, message: "exec: \"x\": not found"),
                                       .exec(pid: 1, quotedPath: StraceFormat.quote("/bin/a b\nc"))]
        for message in messages {
            XCTAssertTrue(message.line.hasSuffix("\n"))
            XCTAssertEqual(InitMessage(line: String(message.line.dropLast())), message)
        }
        XCTAssertNil(InitMessage(line: "pid notanumber"))
        XCTAssertNil(InitMessage(line: "hello"))
        XCTAssertNil(InitMessage(line: "seccomp -8"))
        XCTAssertNil(InitMessage(line: "exec 1"), "an exec names its path")
        XCTAssertEqual(InitMessage.exec(pid: 1, quotedPath: StraceFormat.quote("/bin/a b\nc")).line, "exec 1 \"/bin/a b\\nc\"\n",
                       "one line, whatever the path holds")
    }

    /// A failure that names its own step is not put under dockling-init's current one
    /// ("namespaces: union: …"); any other error is.
    func testAFailureIsReportedUnderItsOwnStepOnce() {
        let union = StepError(step: "union", KernelError(call: "fsmount(3)", errno: Errno(1)))
        let named = ContainerInit.report(union, step: "namespaces")
        XCTAssertEqual(named.code, 125)
        XCTAssertEqual(named.message, union.description)
        XCTAssertTrue(named.message.hasPrefix("union: fsmount(3): EPERM"), named.message)
        let bare = ContainerInit.report(KernelError(call: "clone(…)", errno: Errno(11)), step: "namespaces")
        XCTAssertEqual(bare.code, 125)
        XCTAssertTrue(bare.message.hasPrefix("namespaces: clone(…): EAGAIN"), bare.message)
    }

    func testLaunchFailureSplitsStepFromWhat() {
        let failure = LaunchFailure(code: 125, message: "rootfs: mount(\"proc\"): EPERM")
        XCTAssertEqual(failure.step, "rootfs")
        XCTAssertEqual(failure.what, "mount(\"proc\"): EPERM")
        XCTAssertEqual(failure.exitCode, 125)
        let plain = LaunchFailure(code: 127, message: "exec \"x\": not found")
        XCTAssertEqual(plain.step, "container")
    }

    func testIDMappingLineIsWhatTheKernelExpects() {
        XCTAssertEqual(IDMapping.unprivileged.mapFileLine, "0 100000 65536\n")
    }

    func testWaitStatusExitCodes() {
        XCTAssertEqual(WaitStatus.exited(3).exitCode, 3)
        XCTAssertEqual(WaitStatus.signaled(9).exitCode, 137)
        XCTAssertEqual(WaitStatus.signaled(15).straceDescription, "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}]")
    }

    func testNamespaceKindsOrderUserFirst() {
        XCTAssertEqual(NamespaceKind.allCases.first, .user)
        XCTAssertEqual(NamespaceKind.flags([.pid, .mount]), [.newPID, .newNS])
        XCTAssertEqual(NamespaceKind.mount.procName, "mnt")
    }

    func testSignalNames() {
        XCTAssertEqual(Signals.number("TERM"), 15)
        XCTAssertEqual(Signals.number("sigkill"), 9)
        XCTAssertEqual(Signals.number("2"), 2)
        XCTAssertNil(Signals.number("NOPE"))
        XCTAssertEqual(Signals.name(2), "SIGINT")
    }
}

final class ContainerNameTests: XCTestCase {
    func testNamesFollowDockersRule() {
        XCTAssertTrue(ContainerName.isValid("web-1.a_b"))
        XCTAssertFalse(ContainerName.isValid("x"))
        XCTAssertFalse(ContainerName.isValid("-web"))
        XCTAssertFalse(ContainerName.isValid("we b"))
        XCTAssertTrue(ContainerName.isValid(ContainerName.random()))
    }

    func testAnUnusedNameAvoidsEveryTakenOne() {
        var taken = Set<String>()
        for adjective in ContainerName.adjectives {
            for surname in ContainerName.surnames { taken.insert("\(adjective)_\(surname)") }
        }
        let name = ContainerName.unused(avoiding: taken)
        XCTAssertFalse(taken.contains(name))
        XCTAssertTrue(ContainerName.isValid(name), name)
    }

    func testIDsAre64HexAndShownAs12() {
        let id = ContainerID.generate()
        XCTAssertTrue(ContainerID.isValid(id))
        XCTAssertEqual(ContainerID.short(id).count, 12)
        XCTAssertNotEqual(id, ContainerID.generate())
        XCTAssertFalse(ContainerID.isValid("XYZ"))
    }
}
