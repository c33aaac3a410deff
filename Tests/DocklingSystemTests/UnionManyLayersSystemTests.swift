@testable import DocklingCore
import Foundation
import XCTest

/// Images of many layers. With 60, their full paths pass the one page mount(2) reads
/// options from, so dockling-union mounts them by short names — and the union must
/// still read as the stack of all 60. With 2, the full paths fit and are used as they are.
final class UnionManyLayersSystemTests: XCTestCase {
    private var union: UnionFixture!

    override func setUpWithError() throws {
        try Tool.requireRoot()
        union = try UnionFixture()
    }

    override func tearDownWithError() throws {
        try union?.tearDown()
        union = nil  // XCTest keeps test cases alive: let the folders go now
    }

    /// `NAME:latest` of `count` layers. Layer N holds `layer-N` and `stack` (saying N).
    /// The bottom layer also holds `doomed` and `shrinking/{a,b}`; the layer in the
    /// middle deletes `doomed` and makes `shrinking` opaque with a `c` of its own: the
    /// OCI whiteouts, as an image would ship them.
    private func makeImage(_ name: String, layers count: Int) throws {
        let store = ImageStore(root: StoreRoot(path: union.root.path))
        let source = try union.directory("layers")
        var blobs: [Descriptor] = []
        for number in 1...count {
            let dir = "\(source)/\(number)"
            var files = ["layer-\(number)": "\(number)\n", "stack": "\(number)\n"]
            if number == 1 { files.merge(["doomed": "x\n", "shrinking/a": "a\n", "shrinking/b": "b\n"]) { $1 } }
            if number == count / 2 + 1 {
                files.merge([".wh.doomed": "", "shrinking/.wh..wh..opq": "", "shrinking/c": "c\n"]) { $1 }
            }
            for (name, text) in files {
                try FileManager.default.createDirectory(atPath: Path.parent(of: "\(dir)/\(name)"),
                                                        withIntermediateDirectories: true)
                try text.write(toFile: "\(dir)/\(name)", atomically: false, encoding: .utf8)
            }
            blobs.append(try store.addLayer(fromDirectory: dir).blob)
        }
        let config = try store.addConfig(ImageConfiguration(created: nil, config: nil,
                                                            rootfs: RootFS(diffIDs: blobs.map(\.digest)), history: nil))
        let manifest = try store.addManifest(config: config.descriptor, layers: blobs)
        try store.tag(manifest.descriptor, as: ImageReference(parsing: name + ":latest"))
        try FileManager.default.removeItem(atPath: source)
    }

    /// Reads the union at `dir` of an image made by `makeImage`, then changes it.
    private func checkStack(at dir: String, _ stack: UnionFixture.Stack, layers count: Int) throws {
        for number in 1...count {
            XCTAssertEqual(try String(contentsOfFile: "\(dir)/layer-\(number)", encoding: .utf8), "\(number)\n")
        }
        XCTAssertEqual(try String(contentsOfFile: dir + "/stack", encoding: .utf8), "\(count)\n", "the top layer wins")
        XCTAssertFalse(UnionFixture.exists(dir + "/doomed"), "a higher layer deleted it")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/shrinking"), ["c"],
                       "a higher layer made it opaque")

        try "changed\n".write(toFile: dir + "/stack", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: dir + "/layer-1")
        XCTAssertEqual(try union.diff(dir), ["D /layer-1", "C /stack"])
        XCTAssertEqual(try String(contentsOfFile: stack.layers[count - 1] + "/stack", encoding: .utf8), "\(count)\n")
    }

    /// The mount(2) call's option string, from the json trace on standard error.
    private func mountData(_ trace: String) -> String? {
        trace.split(separator: "\n").compactMap { line -> String? in
            guard let event = try? JSONDecoder().decode(TraceEvent.self, from: Data(line.utf8)),
                  event.call == "mount" else { return nil }
            return event.args.last
        }.first
    }

    func testSixtyLayersMountByShortNamesAndReadAsOneStack() throws {
        try makeImage("sixty", layers: 60)
        let dir = try union.directory("rootfs")
        let result = try union.run(["mount", "sixty", dir, "--trace=json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let stack = UnionFixture.Stack(report: result.stdout)
        XCTAssertEqual(stack.layers.count, 60)
        let absolute = OverlayOptions.string(lowerdirs: stack.layers.reversed(), upper: stack.upper, work: stack.work)
        XCTAssertGreaterThan(absolute.utf8.count, OverlayOptions.limit, "the full paths would not fit in a page")

        let shortNames = (1...60).reversed().map { "l/\($0)" }.joined(separator: ":")
        XCTAssertEqual(mountData(result.stderr),
                       "\"lowerdir=\(shortNames),upperdir=upper,workdir=work,redirect_dir=off,metacopy=off\"")
        for number in [1, 31, 60] {
            XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(
                atPath: Path.parent(of: stack.work) + "/l/\(number)"), stack.layers[number - 1])
        }
        try checkStack(at: dir, stack, layers: 60)
        try union.unmount(dir)
        XCTAssertFalse(UnionFixture.exists(union.root.path + "/unions"), "the short names went with the union")
    }

    func testTwoLayersMountByTheirFullPathsTopFirst() throws {
        try makeImage("two", layers: 2)
        let dir = try union.directory("rootfs")
        let result = try union.run(["mount", "two", dir, "--trace=json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let stack = UnionFixture.Stack(report: result.stdout)
        XCTAssertEqual(mountData(result.stderr), "\"lowerdir=\(stack.layers[1]):\(stack.layers[0]),upperdir=\(stack.upper)"
                                                 + ",workdir=\(stack.work),redirect_dir=off,metacopy=off\"")
        try checkStack(at: dir, stack, layers: 2)
        try union.unmount(dir)
    }
}
