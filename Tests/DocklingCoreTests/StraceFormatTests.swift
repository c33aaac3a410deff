@testable import DocklingCore
import XCTest

final class StraceFormatTests: XCTestCase {
    func testQuotesStringsAsStraceDoes() {
        XCTAssertEqual(StraceFormat.quote("/proc"), "\"/proc\"")
        XCTAssertEqual(StraceFormat.quote("a\"b\\c\n\t"), "\"a\\\"b\\\\c\\n\\t\"")
        XCTAssertEqual(StraceFormat.quote("\u{1}"), "\"\\1\"")
        XCTAssertEqual(StraceFormat.quote(optional: nil), "NULL")
    }

    func testRendersArgvAsAnArray() {
        XCTAssertEqual(StraceFormat.array(["sh", "-c", "echo hi"]), "[\"sh\", \"-c\", \"echo hi\"]")
    }

    func testRendersCloneFlagsInBitOrder() {
        let flags: CloneFlags = [.newPID, .newNS, .newUser]
        XCTAssertEqual(flags.straceDescription, "CLONE_NEWNS|CLONE_NEWUSER|CLONE_NEWPID")
        XCTAssertEqual(CloneFlags().straceDescription, "0")
    }

    func testRendersMountFlagsAndUnknownBits() {
        XCTAssertEqual(MountFlags([.recursive, .privatePropagation]).straceDescription, "MS_REC|MS_PRIVATE")
        XCTAssertEqual(MountFlags(rawValue: 1 << 30 | 1).straceDescription, "MS_RDONLY|0x40000000")
    }

    func testRendersOpenFlags() {
        XCTAssertEqual(OpenFlags([.writeOnly, .create, .truncate, .closeOnExec]).straceDescription,
                       "O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC")
        XCTAssertEqual(OpenFlags.readOnly.straceDescription, "O_RDONLY")
    }

    func testOctalModes() {
        XCTAssertEqual(StraceFormat.mode(0o755), "0755")
        XCTAssertEqual(StraceFormat.mode(0o1777), "01777")
    }
}
