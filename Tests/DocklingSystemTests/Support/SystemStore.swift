import Foundation
import XCTest

/// A private store for one container test, made in `setUpWithError`: it skips the test
/// unless it runs as root with busybox (and `programs`) on PATH. `clean()`, called from
/// `tearDownWithError`, takes down whatever the test left — a failing test too — so that
/// no container, monitor, mount or cgroup outlives it; the folder itself goes with the
/// test case, as every `TemporaryRoot` does.
final class SystemStore {
    let root: TemporaryRoot
    let cli: DocklingCLI

    init(_ label: String, requiring programs: [(program: String, package: String)] = []) throws {
        try Tool.requireRoot()
        try Tool.requireProgram("busybox", package: "busybox-static")
        for (program, package) in programs { try Tool.requireProgram(program, package: package) }
        root = try TemporaryRoot(label)
        cli = DocklingCLI(root: root)
    }

    /// Force-removes every container `ps -a` lists (running ones too), then prunes the
    /// store, volumes included.
    func clean() throws {
        let ids = try cli.run(["ps", "-a", "-q"]).stdout.split(separator: "\n").map(String.init)
        if !ids.isEmpty { try cli.run(["rm", "-f"] + ids) }
        try cli.run(["system", "prune", "-f", "--volumes"])
    }
}
