import Foundation
import XCTest

/// `dockling` against one private store, for the container tests.
struct DocklingCLI {
    let root: TemporaryRoot

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, timeout: TimeInterval = 120) throws -> ToolResult {
        try Tool.run("dockling", arguments, environment: root.environment, stdin: stdin, timeout: timeout)
    }

    /// The output of a command that must succeed (a failure is the caller's test failing).
    @discardableResult
    func succeed(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try run(arguments)
        XCTAssertEqual(result.status, 0, "dockling \(arguments): \(result.stderr)", file: file, line: line)
        return result.stdout
    }

    /// `dockling inspect` of one container, decoded.
    func inspect(_ container: String) throws -> [String: Any] {
        let result = try run(["inspect", container])
        let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        return try XCTUnwrap(array?.first, "inspect \(container): \(result.stderr)")
    }

    func state(_ container: String) throws -> [String: Any] {
        try XCTUnwrap(try inspect(container)["State"] as? [String: Any])
    }

    /// The monitor (`dockling-init`) of a running container: the parent of its PID 1.
    func monitor(of container: String, file: StaticString = #filePath, line: UInt = #line) throws -> pid_t {
        let pid = try XCTUnwrap(try state(container)["Pid"] as? Int, "\(container) has no Pid", file: file, line: line)
        return try XCTUnwrap(HostProcesses.parent(pid_t(pid)), "the parent of \(container)'s PID 1", file: file, line: line)
    }

    /// The cgroup directories a container's monitor recorded in `containers/<id>/cgroups`.
    func cgroupDirectories(of id: String) throws -> [String] {
        try String(contentsOfFile: root.path + "/containers/\(id)/cgroups", encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    /// The STATUS column of `ps -a` for a container name.
    func status(_ name: String) throws -> String {
        let lines = try run(["ps", "-a"]).stdout.split(separator: "\n").map(String.init)
        guard let header = lines.first, let start = header.range(of: "STATUS"), let end = header.range(of: "PORTS"),
              let row = lines.first(where: { $0.hasSuffix(" " + name) }) else { return "absent" }
        let from = header.distance(from: header.startIndex, to: start.lowerBound)
        let to = header.distance(from: header.startIndex, to: end.lowerBound)
        return String(Array(row)[from..<min(to, row.count)]).trimmingCharacters(in: .whitespaces)
    }
}

/// What a run can leave on the host: mounts, cgroups and processes of dockling's.
enum HostLeftovers {
    static func snapshot(root: String) throws -> [String] {
        let mounts = try Tool.mounts(involving: root)
        var cgroups: [String] = []
        for dir in cgroupParents() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            cgroups += names.filter { $0.hasPrefix("dockling-") }.map { "cgroup \(dir)/\($0)" }
        }
        // A monitor of this store holds its container's log open: that ties it to `root`.
        let processes = monitors(holding: root).map { "process \($0) dockling-init" }
        return (mounts + cgroups + processes).sorted()
    }

    /// The dockling-init processes with a file open below `prefix`.
    static func monitors(holding prefix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { pid in
            guard Int(pid) != nil, let comm = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8),
                  comm.hasPrefix("dockling-init") else { return false }
            let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
            return fds.contains { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)"))?.hasPrefix(prefix) == true }
        }
    }

    /// Whether a process is still deleting a container folder it renamed `.gone-<pid>-<id>`
    /// — or, a --rm container's monitor, has deleted it but not yet exited (it still holds
    /// the log it kept there). The monitor does this at SCHED_IDLE, after the exit code.
    static func removalInFlight(root: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/containers")) ?? []
        let deleting = names.contains { name in
            let parts = name.split(separator: "-")
            guard name.hasPrefix(".gone-"), parts.count == 3, let pid = pid_t(parts[1]) else { return false }
            return kill(pid, 0) == 0
        }
        return deleting || !monitors(holding: root + "/containers/.gone-").isEmpty
    }

    /// The caller's cgroup in each hierarchy, from /proc/self/cgroup.
    static func cgroupParents() -> [String] {
        let text = (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            let controllers = parts[1].split(separator: ",").filter { !$0.hasPrefix("name=") }
            let mount = controllers.isEmpty ? (parts[0] == "0" ? "/sys/fs/cgroup/unified" : nil)
                                            : "/sys/fs/cgroup/" + controllers.joined(separator: ",")
            return mount.map { $0 + String(parts[2]) }
        }.filter { FileManager.default.fileExists(atPath: $0) }
    }
}
