import DocklingCore
import Foundation
import XCTest
@testable import DocklingBuild

/// `RUN --mount` values as BuildKit reads them, turned into the runtime's mounts; no root.
final class BuildContainerMountTests: XCTestCase {
    private var path: String!
    private var root: StoreRoot { StoreRoot(path: path + "/store") }

    override func setUpWithError() throws {
        path = "/tmp/dockling-unit-mounts-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path + "/context/src", withIntermediateDirectories: true)
    }

    /// The cache mounts' locks the mounts took, as a RUN step holds them until its container is gone.
    private var locks: [Int32] = []

    override func tearDown() {
        locks.forEach { close($0) }
        try? FileManager.default.removeItem(atPath: path)
    }

    private func mount(_ text: String, workdir: String = "/app", scratch: inout [String]) throws -> ContainerMount {
        try RunMount(parsing: text).containerMount(root: root, workingDirectory: workdir,
                                                   bindRoots: ["": path + "/context"], scratch: &scratch, locks: &locks)
    }

    func testEachTypeBecomesTheRuntimesMount() throws {
        var scratch: [String] = []
        let cache = try mount("type=cache,id=go,target=/root/.cache,mode=0700,uid=33,gid=33", scratch: &scratch)
        XCTAssertEqual(cache.kind, .bind)
        XCTAssertEqual(cache.destination, "/root/.cache")
        let folder = try XCTUnwrap(cache.source)
        XCTAssertTrue(folder.hasPrefix(root.buildMounts + "/"), folder)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder)
        XCTAssertEqual(attributes[.posixPermissions] as? Int, 0o700)
        XCTAssertEqual(attributes[.ownerAccountID] as? Int, 33)
        XCTAssertEqual(try mount("type=cache,id=go,target=/elsewhere", scratch: &scratch).source, folder,
                       "the same id is the same folder, and a second mount of it does not wait for the first")
        XCTAssertEqual(locks.count, 2, "each cache mount holds its folder for the step")
        XCTAssertFalse(try BuildCacheRoots.removeAll(in: root).contains(Path.base(of: folder)), "a prune leaves a held mount")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder))
        locks.forEach { close($0) }
        locks = []
        XCTAssertTrue(try BuildCacheRoots.removeAll(in: root).contains(Path.base(of: folder)), "once let go, a prune takes it")
        XCTAssertEqual(try mount("type=tmpfs,dst=t,size=1m", scratch: &scratch),
                       ContainerMount(kind: .tmpfs, source: nil, destination: "/app/t", options: "size=1m"))
        XCTAssertEqual(try mount("target=/src,source=src", scratch: &scratch),
                       ContainerMount(kind: .bind, source: path + "/context/src", destination: "/src", readOnly: true))
        let writable = try mount("type=bind,target=/src,src=src,rw", scratch: &scratch)
        XCTAssertEqual(writable.readOnly, false)
        XCTAssertEqual(scratch, [try XCTUnwrap(writable.source)], "an rw bind gets a copy to throw away")
    }

    func testBadMountsAreRefusedNamingWhatIsWrong() {
        var scratch: [String] = []
        for (text, words) in [("type=secret,id=x,target=/s", "mount type secret is not supported"),
                              ("type=cache", "a mount needs target=PATH"),
                              ("type=tmpfs,target=/t,id=x", "unexpected key 'id' for type=tmpfs"),
                              ("type=cache,target=/c,sharing=maybe", "unrecognized sharing parameter maybe"),
                              ("type=cache,target=/c,mode=999", "mode=999 is not an octal number"),
                              ("target=/x,from=builder", "from=builder: no stage or image of that name"),
                              ("target=/x,source=missing", "source=missing does not exist in the build context")] {
            XCTAssertThrowsError(try mount(text, scratch: &scratch), text) { error in
                XCTAssertTrue("\(error)".contains("RUN --mount=\(text): \(words)"), "\(error)")
            }
        }
    }
}
