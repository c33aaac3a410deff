@testable import DocklingCore
import XCTest

/// Reading /proc/self/mountinfo: mount points with escapes, and which mount is on top.
final class UnionMountTableTests: XCTestCase {
    private let mountinfo = """
        27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
        44 27 0:39 / /tmp/a\\040b rw,relatime - overlay overlay rw,lowerdir=/l
        45 44 0:40 / /tmp/a\\040b rw,relatime shared:3 - tmpfs tmpfs rw
        46 27 0:41 / /srv/union rw - overlay overlay rw,lowerdir=/x

        """

    func testMountPointsAreUnescapedAndTheLastMountIsOnTop() {
        let table = MountTable(mountinfo: mountinfo)
        XCTAssertEqual(table.entries.count, 4)
        XCTAssertEqual(table.top(at: "/tmp/a b"),
                       MountTable.Entry(root: "/", mountPoint: "/tmp/a b", type: "tmpfs", superOptions: "rw"))
        XCTAssertEqual(table.top(at: "/srv/union")?.type, "overlay")
        XCTAssertNil(table.top(at: "/srv"))
    }

    func testThisProcessSeesTheRootMounted() throws {
        XCTAssertNotNil(try MountTable.current().top(at: "/"))
    }
}
