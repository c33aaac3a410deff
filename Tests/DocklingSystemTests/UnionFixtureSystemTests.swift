@testable import DocklingCore
import Foundation
import XCTest

/// A store root and a folder of mount points for one union test. `tearDown` takes down
/// whatever a failing test left mounted before the folders are removed, so that nothing
/// stays mounted or created on the machine.
final class UnionFixture {
    let root: TemporaryRoot
    let places: TemporaryRoot

    init() throws {
        root = try TemporaryRoot("union")
        places = try TemporaryRoot("union-dirs")
    }

    /// What `dockling-union mount` printed: the upper, the layers (bottom first), the work directory.
    struct Stack {
        var upper = "", work = ""
        var layers: [String] = []

        init(report: String) {
            for line in report.split(separator: "\n").dropFirst() {
                let words = line.split(separator: " ").map(String.init)
                switch words.first {
                case "upper": upper = words.last ?? ""
                case "work": work = words.last ?? ""
                case "layer": layers.insert(words.last ?? "", at: 0)
                default: break
                }
            }
        }
    }

    /// A fresh empty directory to mount on (or to use as an upper directory).
    func directory(_ name: String) throws -> String {
        let path = places.path + "/" + name
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> ToolResult {
        try Tool.run("dockling-union", arguments, environment: root.environment)
    }

    func mount(_ image: String, at dir: String, _ options: String...) throws -> Stack {
        let result = try run(["mount", image, dir] + options)
        guard result.status == 0 else { throw MountFailed(description: "exit \(result.status): \(result.stderr)") }
        return Stack(report: result.stdout)
    }

    struct MountFailed: Error, CustomStringConvertible {
        let description: String
    }

    func diff(_ dir: String) throws -> [String] {
        let result = try run(["diff", dir])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.split(separator: "\n").map(String.init)
    }

    func unmount(_ dir: String) throws {
        let result = try run(["umount", dir])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    /// Makes busybox:latest (and its unpacked layer) before a test takes its first picture.
    func ensureBusybox() throws {
        let dir = try directory("busybox-\(UUID().uuidString.prefix(4))")
        _ = try mount("busybox", at: dir)
        try unmount(dir)
        try FileManager.default.removeItem(atPath: dir)
    }

    /// The mount table and every path under the store root and the mount points.
    func snapshot() throws -> Set<String> {
        Set(try Tool.mounts(involving: root.path) + Tool.mounts(involving: places.path)
            + entries(root.path).map { "store: " + $0 } + entries(places.path))
    }

    /// What appeared and what disappeared since `before`: short lists, readable when a test fails.
    func changes(since before: Set<String>) throws -> [String] {
        let now = try snapshot()
        return now.subtracting(before).map { "+ " + $0 }.sorted() + before.subtracting(now).map { "- " + $0 }.sorted()
    }

    /// Every path below `dir`, relative and sorted, without following symlinks.
    func entries(_ dir: String) throws -> [String] {
        var found: [String] = []
        func walk(_ relative: String) throws {
            let full = relative.isEmpty ? dir : dir + "/" + relative
            for name in try FileManager.default.contentsOfDirectory(atPath: full) {
                let path = relative.isEmpty ? name : relative + "/" + name
                found.append(path)
                var info = stat()
                if lstat(dir + "/" + path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR { try walk(path) }
            }
        }
        try walk("")
        return found.sorted()
    }

    func xattr(_ path: String, _ name: String) throws -> String? { Kernel.lgetxattr(path, name: name) }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isWhiteout(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR && info.st_rdev == 0
    }

    /// Unmounts what a failed test left mounted under the mount points, newest first.
    func tearDown() throws {
        let mounted = try Tool.mountTable().compactMap { line -> String? in
            let point = line.split(separator: " ").dropFirst(2).first.map(String.init) ?? ""
            return point.hasPrefix(places.path + "/") ? point : nil
        }
        for point in mounted.reversed() where try run(["umount", point]).status != 0 {
            try Tool.exec("/bin/umount", ["-l", point])
        }
    }
}
