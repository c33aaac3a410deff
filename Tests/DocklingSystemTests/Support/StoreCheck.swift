import Foundation
import XCTest

/// What the crash and concurrency tests ask of a store after every blow: whatever it
/// lists works when used, and what it holds can be compared with an earlier moment.
final class StoreCheck {
    let cli: DocklingCLI
    /// Every container id this store was seen to hold: the cgroups named after them are
    /// this store's (other tests on the host make `dockling-*` cgroups of their own).
    private var seen: Set<String> = []

    init(cli: DocklingCLI) { self.cli = cli }

    /// Every image `dockling images` lists inspects, saves (every blob is there and
    /// hashes to its name) and runs (every layer unpacks and mounts).
    func assertEveryImageIsUsable(_ context: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let ids = try cli.run(["images", "-q"])
        XCTAssertEqual(ids.status, 0, "\(context): images: \(ids.stderr)", file: file, line: line)
        for id in Set(ids.stdout.split(separator: "\n").map(String.init)) {
            for command in [["inspect", id], ["save", "-o", "/dev/null", id], ["run", "--rm", id, "true"]] {
                let result = try cli.run(command)
                XCTAssertEqual(result.status, 0, "\(context): \(command.joined(separator: " ")): \(result.stderr)",
                               file: file, line: line)
            }
        }
    }

    /// Every container `ps -a` lists inspects, and one that is not running starts. Returns
    /// their ids, for the caller to remove or keep.
    @discardableResult
    func assertEveryContainerIsUsable(_ context: String, file: StaticString = #filePath,
                                      line: UInt = #line) throws -> [String] {
        let ids = try cli.run(["ps", "-a", "-q", "--no-trunc"])
        XCTAssertEqual(ids.status, 0, "\(context): ps: \(ids.stderr)", file: file, line: line)
        let all = ids.stdout.split(separator: "\n").map(String.init)
        seen.formUnion(all)
        for id in all {
            let status = try cli.state(id)["Status"] as? String
            guard status != "running" else { continue }
            let started = try cli.run(["start", id])
            XCTAssertEqual(started.status, 0, "\(context): start of a \(status ?? "?") container: \(started.stderr)",
                           file: file, line: line)
        }
        return all
    }

    /// The store as a list of lines: the tags of index.json, and the entries of every
    /// folder a command writes into. Two moments with the same list hold the same things.
    func contents() throws -> [String] {
        let root = cli.root.path
        var lines: [String] = []
        if let data = FileManager.default.contents(atPath: root + "/index.json") {
            let index = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            for manifest in index?["manifests"] as? [[String: Any]] ?? [] {
                let names = (manifest["annotations"] as? [String: String])?.values.sorted() ?? []
                lines.append("index \(manifest["digest"] ?? "?") \(names.joined(separator: " "))")
            }
        }
        for folder in ["blobs/sha256", "layers", "containers", "tmp", "rootfs", "volumes"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []
            lines += names.filter { $0 != ".lock" }.map { "\(folder)/\($0)" }
        }
        return lines.sorted()
    }

    /// The store's contents and what the host holds for it: mounts, monitors, and the
    /// cgroups of containers it has held (half-made and half-removed ones too). A --rm
    /// container's monitor deletes its folder after reporting the exit code: removals
    /// still in flight are waited for (up to five seconds).
    func snapshot() throws -> [String] {
        _ = HostProcesses.waitFor { !HostLeftovers.removalInFlight(root: cli.root.path) }
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: cli.root.path + "/containers")) ?? []
        seen.formUnion(folders.map { String($0.split(separator: "-").last ?? "") })
        let host = try HostLeftovers.snapshot(root: cli.root.path).filter { line in
            guard line.hasPrefix("cgroup ") else { return true }
            return seen.contains(String(line.split(separator: "-").last ?? ""))
        }
        return try contents() + host
    }

    /// `dockling system prune` brings the store and the host back to `before`. A monitor
    /// that was just told to stop may take a moment to clean up after its container.
    func assertPruneRestores(_ before: [String], _ context: String, file: StaticString = #filePath,
                             line: UInt = #line) throws {
        let pruned = try cli.run(["system", "prune", "-f"])
        XCTAssertEqual(pruned.status, 0, "\(context): prune: \(pruned.stderr)", file: file, line: line)
        _ = HostProcesses.waitFor { (try? snapshot()) == before }
        let after = try snapshot()
        XCTAssertEqual(after.filter { !before.contains($0) }, [], "\(context): left after prune", file: file, line: line)
        XCTAssertEqual(before.filter { !after.contains($0) }, [], "\(context): lost by prune", file: file, line: line)
    }
}
