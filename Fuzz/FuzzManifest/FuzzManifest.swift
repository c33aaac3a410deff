import DocklingCore
import FoundationEssentials

/// One libFuzzer input: any bytes as each OCI and docker-archive JSON document dockling
/// reads. Decoding must never crash, and what decodes must survive dockling's own
/// encoding unchanged (the digests of what it writes depend on that).
func fuzzManifest(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    roundTrip(ImageManifest.self, bytes)
    roundTrip(ImageIndex.self, bytes)
    roundTrip(ImageConfiguration.self, bytes)
    roundTrip([DockerArchiveManifest].self, bytes)
    return 0
}

private func roundTrip<T: Codable & Equatable>(_ type: T.Type, _ bytes: Data) {
    guard let value = try? JSONDecoder().decode(type, from: bytes) else { return }
    guard let encoded = try? JSONCoding.encode(value),
          let again = try? JSONDecoder().decode(type, from: Data(encoded)), again == value else {
        fatalError("\(type) decoded from \(String(decoding: bytes, as: UTF8.self).debugDescription) does not round-trip")
    }
}
