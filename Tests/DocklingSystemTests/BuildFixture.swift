import Foundation
import XCTest

/// A build context in a folder of its own and a private store, for the build tests. Every
/// build runs `dockling build --network none --progress plain`, with a timeout.
final class BuildFixture {
    let store: SystemStore
    let context: TemporaryRoot
    var cli: DocklingCLI { store.cli }

    init(_ label: String) throws {
        store = try SystemStore(label)
        context = try TemporaryRoot(label + "-context")
    }

    /// Writes a file of the context (folders made as needed).
    func write(_ path: String, _ text: String, mode: Int = 0o644) throws {
        let url = URL(fileURLWithPath: context.path + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    func dockerfile(_ text: String) throws { try write("Dockerfile", text) }

    /// `dockling build` of the context; `arguments` come before it.
    func build(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> ToolResult {
        try Tool.run("dockling", ["build", "--network", "none", "--progress", "plain"] + arguments + [context.path],
                     environment: cli.root.environment.merging(environment) { _, new in new }, timeout: 180)
    }

    /// Builds, fails the test when that fails, and returns the image id and the progress.
    @discardableResult
    func buildID(_ arguments: [String] = [], environment: [String: String] = [:],
                 file: StaticString = #filePath, line: UInt = #line) throws -> (id: String, progress: String) {
        let idFile = context.path + "/../" + URL(fileURLWithPath: context.path).lastPathComponent + ".iid"
        defer { try? FileManager.default.removeItem(atPath: idFile) }
        let result = try build(["--iidfile", idFile] + arguments, environment: environment)
        XCTAssertEqual(result.status, 0, "build failed:\n\(result.stderr)", file: file, line: line)
        let id = (try? String(contentsOfFile: idFile, encoding: .utf8)) ?? ""
        XCTAssertTrue(id.hasPrefix("sha256:"), "--iidfile holds '\(id)'", file: file, line: line)
        return (id, result.stderr)
    }

    /// `dockling run --rm IMAGE [COMMAND]`'s output; the run must succeed.
    func run(_ image: String, _ command: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try cli.succeed(["run", "--rm", image] + command, file: file, line: line)
    }

    /// The image's config (`Config` of `dockling inspect`).
    func config(_ image: String) throws -> [String: Any] {
        let result = try cli.run(["inspect", image])
        let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        return try XCTUnwrap(array?.first?["Config"] as? [String: Any], "inspect \(image): \(result.stderr)")
    }

    /// The history entries of the image's config, as `dockling save` would hand them on.
    func history(_ image: String) throws -> [String] {
        try cli.succeed(["history", "--no-trunc", image]).split(separator: "\n").map(String.init)
    }

    /// What the host holds for dockling now: mounts and monitors of this store, and every
    /// `dockling-*` cgroup (those cannot be told apart from other tests' containers).
    func hostSnapshot() throws -> [String] { try HostLeftovers.snapshot(root: cli.root.path) }

    /// Nothing appeared on the host since `before` that stays: other tests' containers come
    /// and go, so a new entry counts only if it is still there after five seconds.
    func assertHostUnchanged(since before: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        var added: [String] = []
        _ = HostProcesses.waitFor {
            added = ((try? hostSnapshot()) ?? []).filter { !before.contains($0) }
            return added.isEmpty
        }
        XCTAssertEqual(added, [], "left on the host", file: file, line: line)
    }

    func clean() throws { try store.clean() }
}
