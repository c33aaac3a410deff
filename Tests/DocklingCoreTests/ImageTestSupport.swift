import Foundation
import XCTest
@testable import DocklingCore

/// A scratch folder for one test, removed afterwards.
final class ScratchDirectory {
    let path: String

    init() throws {
        path = "/tmp/dockling-unit-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A fresh image store below this folder.
    func store(_ name: String = "store") -> ImageStore { ImageStore(root: StoreRoot(path: "\(path)/\(name)")) }

    /// Writes a file (and its folders).
    func write(_ relative: String, _ text: String) throws {
        let full = "\(path)/\(relative)"
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }
}

struct HostProgramFailed: Error, CustomStringConvertible {
    let description: String
}

/// Runs a host program; its failure fails the test.
@discardableResult
func host(_ program: String, _ arguments: [String], input: String? = nil) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    let output = Pipe(), stdin = Pipe()
    process.standardOutput = output
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw HostProgramFailed(description: "\(program) \(arguments) exited with \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self)
}

/// Tar archives written by Python's tarfile: a tar writer that is not dockling's, able
/// to write every hostile entry there is.
enum PythonTar {
    enum Entry {
        case file(String, String)
        case directory(String)
        case symlink(String, to: String)
        case hardlink(String, to: String)
        /// A file with pax xattr records (`SCHILY.xattr.NAME`).
        case fileWithXattr(String, name: String, value: String)

        var json: [String: String] {
            switch self {
            case .file(let name, let text): return ["kind": "file", "name": name, "data": text]
            case .directory(let name): return ["kind": "dir", "name": name]
            case .symlink(let name, let target): return ["kind": "sym", "name": name, "target": target]
            case .hardlink(let name, let target): return ["kind": "hard", "name": name, "target": target]
            case .fileWithXattr(let name, let key, let value):
                return ["kind": "file", "name": name, "data": "", "xattr": key, "value": value]
            }
        }
    }

    private static let script = """
    import io, json, sys, tarfile
    entries = json.load(sys.stdin)
    with tarfile.open(sys.argv[1], 'w', format=tarfile.PAX_FORMAT) as tar:
        for e in entries:
            info = tarfile.TarInfo(e['name'])
            info.mtime = 1700000000
            if 'xattr' in e:
                info.pax_headers = {'SCHILY.xattr.' + e['xattr']: e['value']}
            if e['kind'] == 'file':
                data = e['data'].encode()
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
                continue
            if e['kind'] == 'dir':
                info.type, info.mode = tarfile.DIRTYPE, 0o755
            elif e['kind'] == 'sym':
                info.type, info.linkname = tarfile.SYMTYPE, e['target']
            else:
                info.type, info.linkname = tarfile.LNKTYPE, e['target']
            tar.addfile(info)
    """

    static func write(_ entries: [Entry], to path: String) throws {
        let json = try JSONSerialization.data(withJSONObject: entries.map(\.json))
        try host("python3", ["-c", script, path], input: String(decoding: json, as: UTF8.self))
    }
}

/// Extended attributes through Python's os module (Swift's Glibc lacks <sys/xattr.h>).
enum Xattr {
    static func set(_ path: String, _ name: String, _ value: String) throws {
        try host("python3", ["-c", "import os,sys; os.setxattr(sys.argv[1], sys.argv[2], sys.argv[3].encode(), follow_symlinks=False)",
                             path, name, value])
    }

    static func get(_ path: String, _ name: String) throws -> String? {
        let script = """
        import os, sys
        try: print(os.getxattr(sys.argv[1], sys.argv[2], follow_symlinks=False).decode(), end='')
        except OSError: print('<none>', end='')
        """
        let value = try host("python3", ["-c", script, path, name])
        return value == "<none>" ? nil : value
    }
}
