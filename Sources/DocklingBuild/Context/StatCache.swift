import DocklingCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The content digests of files hashed before, keyed by where they are and what `stat`
/// said of them then — BuildKit's contenthash and git's index keep the same record.
/// A file whose device, inode, size, mtime and ctime are all unchanged is not read again:
/// a rebuild of a big context stats its files and reads none.
///
/// ctime is in the record because only the kernel sets it: a tool that writes a file and
/// then puts its old mtime back (`touch -r`, `rsync -t`) still moves the ctime.
struct StatCache {
    struct Record: Codable, Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        /// Nanoseconds since the epoch.
        var modified: Int64
        var changed: Int64
        var digest: String
    }

    let file: String?
    private(set) var records: [String: Record]
    private(set) var isChanged = false
    /// When this round of hashing began (ns since the epoch).
    private let startedAt: Int64

    /// How recent a change must be for a file to be "racily clean", as git calls it: the
    /// kernel stamps times from a clock that advances in ticks of a few milliseconds, so a
    /// file written again within the tick it was hashed in would keep every field of its
    /// record. Such a file is hashed but not remembered; the next build reads it again.
    static let racyWindow: Int64 = 100_000_000

    /// Loads the cache; a missing or unreadable file is an empty cache (it is only a cache).
    init(file: String?) {
        self.file = file
        records = file.flatMap { try? AtomicFile.read([String: Record].self, from: $0) } ?? [:]
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        startedAt = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// The digest remembered for `host`, if its metadata still matches.
    func digest(of host: String, _ info: stat) -> String? {
        guard let record = records[host], record == Self.record(info, digest: record.digest) else { return nil }
        return record.digest
    }

    mutating func remember(_ digest: String, of host: String, _ info: stat) {
        let record = Self.record(info, digest: digest)
        guard max(record.modified, record.changed) < startedAt - Self.racyWindow else {
            if records.removeValue(forKey: host) != nil { isChanged = true }
            return
        }
        if records[host] != record {
            records[host] = record
            isChanged = true
        }
    }

    /// Writes the records back in one rename, so a build that is interrupted, or two
    /// that run at once, leave a whole file.
    func save() throws {
        guard let file, isChanged else { return }
        try FileManager.default.createDirectory(atPath: DocklingCore.Path.parent(of: file), withIntermediateDirectories: true)
        try AtomicFile.write(json: records, to: file, durable: false)
    }

    private static func record(_ info: stat, digest: String) -> Record {
        Record(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
               modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
               changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
               digest: digest)
    }
}
