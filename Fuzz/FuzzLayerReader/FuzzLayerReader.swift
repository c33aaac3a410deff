import DocklingCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One libFuzzer input: any bytes as a layer tarball (plain, gzip or zstd), through
/// `dockling import`'s path — the hostile-archive checks and the extractor. A refusal is
/// fine; a crash, or a file written outside the store, is not.
func fuzzLayerReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let files = FileManager.default
    let base = "/tmp/dockling-fuzz-layer-\(getpid())"
    let root = base + "/store"
    try? files.removeItem(atPath: base)
    try! files.createDirectory(atPath: root, withIntermediateDirectories: true)
    let input = base + "/layer.tar"
    try! Data(UnsafeBufferPointer(start: data, count: size)).write(to: URL(fileURLWithPath: input))
    let reference = try! ImageReference(parsing: "fuzz:1")
    _ = try? ImageStore(root: StoreRoot(path: root)).importTarball(from: .file(input), reference: reference)
    let outside = try! files.contentsOfDirectory(atPath: base).sorted()
    precondition(outside == ["layer.tar", "store"], "the layer wrote beside the store: \(outside)")
    try? files.removeItem(atPath: base)
    return 0
}
