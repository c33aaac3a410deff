import DocklingCore
import FoundationEssentials

/// The build cache: which image a step's cache key led to last time, one JSON record a
/// key in `<store>/cache/build/<sha256 of the key>.json`, written atomically. Beside
/// them, `step-<sha256 of the step>.json` holds the latest record of each step identity,
/// so that a miss can say what changed since.
///
/// The builder computes the keys (parent image, instruction after expansion, ARG values
/// in scope, what COPY read) and decides; this only remembers. The images the records
/// name are kept by image garbage collection, and go with `system prune`.
public struct BuildCache {
    public let root: StoreRoot

    public init(root: StoreRoot) { self.root = root }

    /// The record stored for `key`, if its image is still in the store.
    public func lookUp(_ key: String) -> BuildCacheRecord? {
        read(file(Self.keyPrefix, key))
    }

    /// Remembers `record` for `key`, and as the latest of its step.
    public func store(_ record: BuildCacheRecord, for key: String) throws {
        try FileManager.default.createDirectory(atPath: root.buildCache, withIntermediateDirectories: true)
        try AtomicFile.write(json: record, to: file(Self.keyPrefix, key), durable: false)
        try AtomicFile.write(json: record, to: file(Self.stepPrefix, record.step), durable: false)
    }

    /// The latest record stored for the same step identity, whatever its key: what the
    /// step was the last time, to explain a miss.
    public func lastRecord(step: String) -> BuildCacheRecord? {
        read(file(Self.stepPrefix, step))
    }

    /// The image a record names; nil when it is gone from the store.
    public func image(of record: BuildCacheRecord) -> StoredImage? {
        try? ImageStore(root: root).image(manifest: record.manifestDigest)
    }

    /// `dockling builder prune`: forgets every record and removes every cache mount that
    /// no running build holds (see `BuildCacheRoots.removeAll`). Returns how many went.
    public func prune() throws -> Int {
        try BuildCacheRoots.removeAll(in: root).count
    }

    private static let keyPrefix = "key-"
    private static let stepPrefix = "step-"

    private func file(_ prefix: String, _ text: String) -> String {
        root.buildCache + "/" + prefix + Digest.of(Array(text.utf8)).hex + ".json"
    }

    private func read(_ path: String) -> BuildCacheRecord? {
        guard let record = try? AtomicFile.read(BuildCacheRecord.self, from: path),
              ImageStore(root: root).content.contains(record.manifestDigest) else { return nil }
        return record
    }
}
