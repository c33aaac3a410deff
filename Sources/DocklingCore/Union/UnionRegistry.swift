import FoundationEssentials

/// The unions `dockling-union` has mounted, one folder each under `<root>/unions/`:
///
///     unions/<id>/mount.json   the record: image, mount point, layers, upper, work
///     unions/<id>/upper/       the writable layer (unless --upper named another)
///     unions/<id>/work/        overlayfs's scratch space, on the upper's filesystem
///     unions/<id>/l/           short names for the layers, made only when their
///                              full paths do not fit in one page of mount options
///
/// `<id>` is a short hash of the mount point's real path, so `diff DIR` and `umount DIR`
/// find the record from DIR alone, in a later process. (A container keeps the same
/// upper and work pair in its own folder, `containers/<id>/`.)
public struct UnionRegistry: Sendable {
    public let root: StoreRoot

    public init(root: StoreRoot) { self.root = root }

    /// `<root>/unions`.
    public var directory: String { root.path + "/unions" }

    /// The folder of the union mounted at `target`, a real path.
    public func folder(for target: String) -> String {
        directory + "/" + Digest.of(Array(target.utf8)).short
    }

    /// What `docker diff` would list for the union mounted at `dir`: read from its upper
    /// directory against its layers. It needs the record, not the mount, so it works
    /// after the mount is gone too.
    public func changes(at dir: String) throws -> [UnionChange] {
        let record = try existingRecord(at: Self.checkedDirectory(dir, role: "mount point"), named: dir)
        return try UnionDiff.changes(upper: record.union.upper, layers: record.union.layers)
    }

    /// The record of the union at `target` (a real path), or an error saying there is none.
    func existingRecord(at target: String, named dir: String) throws -> UnionRecord {
        let path = folder(for: target) + "/mount.json"
        guard FileManager.default.fileExists(atPath: path) else { throw UnionError.notOurs(dir) }
        let record = try AtomicFile.read(UnionRecord.self, from: path)
        // Two paths whose hashes share their first 48 bits: not this one's record.
        guard record.target == target else { throw UnionError.notOurs(dir) }
        return record
    }
}
