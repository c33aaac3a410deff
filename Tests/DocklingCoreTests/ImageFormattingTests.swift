import XCTest
@testable import DocklingCore

final class ImageFormattingTests: XCTestCase {
    func testSizesAsDockerPrintsThem() {
        let cases: [(Int64, String)] = [
            (0, "0B"), (999, "999B"), (1000, "1kB"), (1234, "1.23kB"), (12_345, "12.3kB"), (1_986_560, "1.99MB"),
            (2_000_000, "2MB"), (123_456_789, "123MB"), (999_999, "1MB"), (1_500_000_000, "1.5GB"),
        ]
        for (bytes, text) in cases { XCTAssertEqual(HumanUnits.size(bytes), text, "\(bytes)") }
    }

    func testDurationsAsDockerPrintsThem() {
        let cases: [(Double, String)] = [
            (0.5, "Less than a second"), (1, "1 second"), (59, "59 seconds"), (60, "About a minute"),
            (600, "10 minutes"), (3600, "About an hour"), (5 * 3600, "5 hours"), (3 * 86400, "3 days"),
            (21 * 86400, "3 weeks"), (90 * 86400, "3 months"), (3 * 365 * 86400, "3 years"),
        ]
        for (seconds, text) in cases { XCTAssertEqual(HumanUnits.duration(seconds: seconds), text, "\(seconds)") }
    }

    func testTablePadsColumnsLikeTabwriter() {
        XCTAssertEqual(TextTable.render([["REPOSITORY", "TAG", "SIZE"], ["busybox", "latest", "2MB"]]),
                       "REPOSITORY   TAG       SIZE\nbusybox      latest    2MB\n")
    }

    func testTimestamps() {
        XCTAssertEqual(Timestamp.format(1_704_067_200), "2024-01-01T00:00:00Z")
        XCTAssertEqual(Timestamp.parse("2024-01-01T00:00:00Z"), 1_704_067_200)
        XCTAssertEqual(Timestamp.parse("2024-01-01T00:00:00.25Z"), 1_704_067_200.25)
        XCTAssertEqual(Timestamp.parse("2024-01-01T02:00:00+02:00"), 1_704_067_200)
        XCTAssertEqual(Timestamp.parse("2023-12-31T23:00:00-01:00"), 1_704_067_200)
        XCTAssertNil(Timestamp.parse("yesterday"))
    }

    func testHistoryPairsEntriesWithLayersNewestFirst() throws {
        let layers = [Descriptor(mediaType: MediaType.ociLayer, digest: Digest.of([1]), size: 1000),
                      Descriptor(mediaType: MediaType.ociLayer, digest: Digest.of([2]), size: 2000)]
        var config = ImageConfiguration(created: nil, config: nil, rootfs: RootFS(diffIDs: layers.map(\.digest)),
                                        history: [HistoryEntry(created: "2024-01-01T00:00:00Z", createdBy: "ADD a"),
                                                  HistoryEntry(created: nil, createdBy: "CMD sh"),
                                                  HistoryEntry(created: nil, createdBy: "RUN b")])
        config.history?[1].emptyLayer = true
        let configBytes = try JSONCoding.encode(config)
        let manifest = ImageManifest(config: Descriptor(mediaType: MediaType.ociConfig, digest: Digest.of(configBytes),
                                                        size: Int64(configBytes.count)), layers: layers)
        let image = StoredImage(manifestDigest: Digest.of([9]), manifestDescriptor: manifest.config, manifest: manifest,
                                configBytes: configBytes, config: config, names: [])
        XCTAssertEqual(image.history.map(\.createdBy), ["RUN b", "CMD sh", "ADD a"])
        XCTAssertEqual(image.history.map(\.size), [2000, 0, 1000])
        XCTAssertEqual(image.history.map(\.image), [image.id.short, "<missing>", "<missing>"])
        let table = ImageHistoryRow.table(image.history, now: 1_704_067_260, truncate: true)
        XCTAssertTrue(table.contains("About a minute ago"), table)
    }
}
