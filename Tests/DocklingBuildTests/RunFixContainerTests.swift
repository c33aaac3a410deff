import DocklingBuild
import DocklingCore
import Foundation
import XCTest

/// A RUN container that cannot start: its error is the one reported, and its monitor —
/// spawned before the start failed — is waited for, not left a zombie. Needs root.
final class RunFixContainerTests: XCTestCase {
    func testAContainerThatCannotStartLeavesNoZombieMonitor() throws {
        let store = try BuildTestStore()
        XCTAssertThrowsError(try store.run("true") { $0.user = "nosuchuser" }) { error in
            XCTAssertTrue("\(error)".contains("nosuchuser"), "the start's own error: \(error)")
        }
        XCTAssertEqual(try zombieChildren(), [])
        XCTAssertEqual(try store.leftovers(shortID: nil), [])
    }

    /// `/proc/PID/stat` of each child of this process that has ended and was not waited for.
    private func zombieChildren() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { Int32($0) != nil }.compactMap { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let end = stat.range(of: ")", options: .backwards) else { return nil }
            let fields = stat[end.upperBound...].split(separator: " ")
            return fields.count > 1 && fields[0] == "Z" && Int32(fields[1]) == getpid() ? stat : nil
        }
    }
}
