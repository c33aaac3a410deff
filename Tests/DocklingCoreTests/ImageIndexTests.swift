import XCTest
@testable import DocklingCore

final class ImageIndexTests: XCTestCase {
    private func manifest(_ byte: UInt8) -> Descriptor {
        Descriptor(mediaType: MediaType.ociManifest, digest: Digest.of([byte]), size: 100 + Int64(byte))
    }

    private func ref(_ text: String) -> ImageReference { try! ImageReference(parsing: text) }

    func testTagWritesBothNameAnnotations() {
        var index = ImageIndex()
        index.tag(manifest(1), as: ref("busybox"))
        XCTAssertEqual(index.manifests.first?.annotations, [
            Annotation.imageName: "docker.io/library/busybox:latest", Annotation.refName: "latest",
        ])
        XCTAssertEqual(index.names(of: manifest(1).digest), [ref("busybox:latest")])
    }

    func testMovingATagLeavesTheOldImageListedWithoutAName() {
        var index = ImageIndex()
        index.tag(manifest(1), as: ref("app:v1"))
        index.tag(manifest(2), as: ref("app:v1"))
        XCTAssertEqual(index.manifests.count, 2)
        XCTAssertEqual(index.names(of: manifest(2).digest), [ref("app:v1")])
        XCTAssertEqual(index.names(of: manifest(1).digest), [])
        XCTAssertTrue(index.manifests.contains { $0.digest == manifest(1).digest && $0.annotations == nil })
        XCTAssertEqual(index.manifests.first { $0.digest == manifest(1).digest }?.size, manifest(1).size)
    }

    func testTaggingAnUnnamedImageReplacesItsUnnamedEntry() {
        var index = ImageIndex()
        index.keepListed(manifest(1))
        index.keepListed(manifest(1))
        XCTAssertEqual(index.manifests.count, 1)
        index.tag(manifest(1), as: ref("app"))
        index.tag(manifest(1), as: ref("app"))
        XCTAssertEqual(index.manifests.count, 1)
        index.tag(manifest(1), as: ref("other"))
        XCTAssertEqual(index.names(of: manifest(1).digest), [ref("app"), ref("other")])
    }

    func testUntagReturnsTheEntry() {
        var index = ImageIndex()
        index.tag(manifest(1), as: ref("app"))
        XCTAssertEqual(index.untag(ref("app"))?.digest, manifest(1).digest)
        XCTAssertNil(index.untag(ref("app")))
        XCTAssertTrue(index.manifests.isEmpty)
    }

    func testNamesFromOtherTools() {
        var podman = manifest(1)
        podman.annotations = [Annotation.refName: "localhost/bb:1"]
        XCTAssertEqual(podman.imageName, ref("localhost/bb:1"))
        var bareTag = manifest(1)
        bareTag.annotations = [Annotation.refName: "latest"]
        XCTAssertNil(bareTag.imageName)
    }
}
