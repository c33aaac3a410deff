import DocklingCore

/// What a COPY or ADD reads from the context, reduced to what can change its result —
/// BuildKit's `contenthash`: for every file its path, type, permission bits (with setuid,
/// setgid, sticky), owner, size, link target and content digest. Not its mtime: `touch`
/// changes nothing a layer would hold, so it must not cost a cache miss.
public struct ContentKey: Sendable, Codable, Equatable {
    /// `sha256:…` of all the files' lines: equal digests, equal COPY results.
    public var digest: String
    /// The files, in path order.
    public var files: [ContentFile]

    public init(files: [ContentFile]) {
        self.files = files
        digest = Digest.of(files.map(\.keyLine).joined().utf8).description
    }

    /// One line per difference, for the builder to say why its cache missed:
    /// `app/main.c changed (content)`, `run.sh changed (mode 644 → 755)`,
    /// `new.txt added`, `old.txt removed`.
    public func differences(from older: ContentKey) -> [String] {
        let before = Dictionary(older.files.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
        let after = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
        let paths = Set(before.keys).union(after.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return paths.compactMap { path in
            switch (before[path], after[path]) {
            case (nil, _): return "\(path) added"
            case (_, nil): return "\(path) removed"
            case let (old?, new?):
                let changes = new.changes(from: old)
                return changes.isEmpty ? nil : "\(path) changed (\(changes.joined(separator: ", ")))"
            }
        }
    }
}

/// One file of a content key.
public struct ContentFile: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case file, directory, symlink, other
    }

    /// Its path in the context: `app/main.c`.
    public var path: String
    public var kind: Kind
    /// Permission bits and setuid/setgid/sticky (`st_mode & 07777`).
    public var mode: UInt32
    public var uid: UInt32
    public var gid: UInt32
    public var size: Int64
    /// A symlink's target, as written in it.
    public var link: String?
    /// A regular file's `sha256:…`.
    public var contentDigest: String?

    public init(path: String, kind: Kind, mode: UInt32, uid: UInt32, gid: UInt32, size: Int64,
                link: String? = nil, contentDigest: String? = nil) {
        self.path = path
        self.kind = kind
        self.mode = mode
        self.uid = uid
        self.gid = gid
        self.size = size
        self.link = link
        self.contentDigest = contentDigest
    }

    /// The fields the key is made of, one line, NUL between them (no path holds a NUL).
    var keyLine: String {
        [path, kind.rawValue, String(mode, radix: 8), String(uid), String(gid), String(size),
         link ?? "", contentDigest ?? ""].joined(separator: "\0") + "\n"
    }

    /// What changed, in words: `content`, `mode 644 → 755`, `owner 0:0 → 1000:1000`.
    func changes(from old: ContentFile) -> [String] {
        var changes: [String] = []
        if kind != old.kind { changes.append("type \(old.kind.rawValue) → \(kind.rawValue)") }
        if contentDigest != old.contentDigest && kind == old.kind { changes.append("content") }
        if link != old.link, let link { changes.append("link \(old.link ?? "") → \(link)") }
        if mode != old.mode { changes.append("mode \(Self.octal(old.mode)) → \(Self.octal(mode))") }
        if uid != old.uid || gid != old.gid { changes.append("owner \(old.uid):\(old.gid) → \(uid):\(gid)") }
        return changes
    }

    /// `644`, `4755`: three digits, four when a special bit is set.
    static func octal(_ mode: UInt32) -> String {
        let text = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }
}
