import Foundation
import XCTest

/// Hostile layers are refused by `import` and by `load`, and nothing outside the
/// store changes.
final class ImageHostileSystemTests: XCTestCase {
    private var root: TemporaryRoot!
    private var work: TemporaryRoot!

    // XCTest keeps test cases alive to the end of the run: let go of the folders now.
    override func tearDown() {
        root = nil
        work = nil
    }

    override func setUpWithError() throws {
        try Tool.requireProgram("python3", package: "python3")
        root = try TemporaryRoot("hostile")
        work = try TemporaryRoot("hostile-work")
        try FileManager.default.createDirectory(atPath: work.path + "/outside", withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: work.path + "/outside/victim"))
    }

    /// Each hostile layer as (kind, name, target) entries for Python's tarfile.
    private var layers: [String: [[String]]] {
        let outside = work.path + "/outside"
        let climb = String(repeating: "../", count: 12) + outside.dropFirst()
        return [
            "dotdot": [["file", climb + "/pwned", ""]],
            "absolute": [["file", outside + "/pwned", ""]],
            "symlink-then-file": [["sym", "evil", outside], ["file", "evil/pwned", ""]],
            "hardlink-to-host-file": [["hard", "passwd", outside + "/victim"]],
            "hardlink-climbing": [["hard", "passwd", climb + "/victim"]],
            "whiteout-outside": [["file", ".wh...", ""]],
            "whiteout-through-symlink": [["sym", "evil", outside], ["file", "evil/.wh.victim", ""]],
        ]
    }

    /// Writes `layer.tar` and, around it, a docker-archive whose config lists its diff id.
    private static let script = """
    import hashlib, io, json, sys, tarfile
    out, entries = sys.argv[1], json.loads(sys.argv[2])
    def add(tar, name, data):
        info = tarfile.TarInfo(name); info.size = len(data); tar.addfile(info, io.BytesIO(data))
    layer = io.BytesIO()
    with tarfile.open(fileobj=layer, mode='w', format=tarfile.PAX_FORMAT) as tar:
        for kind, name, target in entries:
            info = tarfile.TarInfo(name)
            if kind == 'sym': info.type, info.linkname = tarfile.SYMTYPE, target
            if kind == 'hard': info.type, info.linkname = tarfile.LNKTYPE, target
            tar.addfile(info, io.BytesIO(b''))
    layer = layer.getvalue()
    open(out + '/layer.tar', 'wb').write(layer)
    diff = hashlib.sha256(layer).hexdigest()
    config = json.dumps({'architecture': 'amd64', 'os': 'linux',
                         'rootfs': {'type': 'layers', 'diff_ids': ['sha256:' + diff]}}).encode()
    cid = hashlib.sha256(config).hexdigest()
    manifest = json.dumps([{'Config': cid + '.json', 'RepoTags': ['hostile:1'], 'Layers': [diff + '.tar']}]).encode()
    with tarfile.open(out + '/archive.tar', 'w') as tar:
        add(tar, diff + '.tar', layer); add(tar, cid + '.json', config); add(tar, 'manifest.json', manifest)
    """

    func testImportAndLoadRefuseEveryHostileLayer() throws {
        for (name, entries) in layers.sorted(by: { $0.key < $1.key }) {
            let folder = work.path + "/" + name
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let json = String(decoding: try JSONSerialization.data(withJSONObject: entries), as: UTF8.self)
            XCTAssertEqual(try Tool.exec("/usr/bin/env", ["python3", "-c", Self.script, folder, json]).status, 0, name)

            let imported = try Tool.run("dockling", ["import", folder + "/layer.tar", "hostile:1"], environment: root.environment)
            XCTAssertEqual(imported.status, 125, "\(name): import was not refused")
            XCTAssertTrue(imported.stderr.contains("refused entry '"), "\(name): \(imported.stderr)")

            let loaded = try Tool.run("dockling", ["load", "-i", folder + "/archive.tar"], environment: root.environment)
            XCTAssertEqual(loaded.status, 125, "\(name): load was not refused")
            XCTAssertTrue(loaded.stderr.contains("refused entry '"), "\(name): \(loaded.stderr)")

            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work.path + "/outside"), ["victim"], name)
            XCTAssertEqual(try String(contentsOfFile: work.path + "/outside/victim", encoding: .utf8), "keep me\n", name)
        }
        XCTAssertEqual(try Tool.run("dockling", ["images", "-q"], environment: root.environment).stdout, "")
        for folder in ["tmp", "layers", "blobs/sha256"] {
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path + "/" + folder), [], folder)
        }
    }
}
