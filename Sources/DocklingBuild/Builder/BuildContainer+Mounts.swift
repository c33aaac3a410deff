import DocklingCore
import FoundationEssentials

/// One `RUN --mount=…`, as BuildKit reads it: comma-separated `key=value` fields (a bare
/// `ro` or `rw` is a flag). Each becomes a mount the core's runtime already makes for
/// `dockling run` (`ContainerMount`), so nothing of it lands in the step's layer:
///
/// - `type=cache,target=/root/.cache[,id=…][,ro][,mode=0755,uid=0,gid=0]`: a folder under
///   the store's `cache/build-mounts/` that outlives the build, shared by every RUN that
///   names the same id (the target by default). Not in the cache key, as in BuildKit.
///   `sharing=` is accepted; a build runs its steps one at a time, so all three behave alike.
/// - `type=tmpfs,target=/t[,size=64m]`: fresh memory for the step.
/// - `type=bind,target=/src[,source=dir][,from=stage][,rw]` (the default type): a folder of
///   the context or of another stage, read-only. From the context it is a copy of what
///   `.dockerignore` lets through (a build never sees excluded files), made by the
///   builder's own copier, which refuses pipes and devices rather than block on them.
///   With `rw` the step may write, to a copy that is thrown away, as BuildKit's
///   "written data will be discarded".
struct RunMount {
    enum Kind: String { case bind, cache, tmpfs }

    let text: String
    let kind: Kind
    let target: String
    private var fields: [String: String] = [:]

    init(parsing text: String) throws {
        self.text = text
        // Empty pieces are kept: `=` and `a,,b` are errors to report, not to skip.
        for field in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let key = parts[0].lowercased()
            guard !key.isEmpty else {
                throw Self.error(text, "invalid field '\(field)' must be a key=value pair")
            }
            fields[Self.aliases[key] ?? key] = parts.count == 2 ? parts[1] : "true"
        }
        let typeName = fields["type"] ?? "bind"
        guard let kind = Kind(rawValue: typeName) else {
            throw Self.error(text, "mount type \(typeName) is not supported",
                             hint: "dockling builds with type=bind, type=cache and type=tmpfs")
        }
        guard let target = fields["target"], !target.isEmpty else {
            throw Self.error(text, "a mount needs target=PATH", hint: "e.g. --mount=type=\(typeName),target=/cache")
        }
        if let key = fields.keys.sorted().first(where: { !Self.keys[kind, default: []].contains($0) }) {
            throw Self.error(text, "unexpected key '\(key)' for type=\(typeName)")
        }
        if let sharing = fields["sharing"], !["shared", "private", "locked"].contains(sharing) {
            throw Self.error(text, "unrecognized sharing parameter \(sharing)", hint: "shared, private or locked")
        }
        self.kind = kind
        self.target = target
    }

    /// The keys each type takes (a cache seeded `from` a stage is not supported yet).
    private static let keys: [Kind: Set<String>] = [
        .bind: ["type", "target", "source", "from", "ro", "rw"],
        .cache: ["type", "target", "id", "ro", "rw", "sharing", "mode", "uid", "gid"],
        .tmpfs: ["type", "target", "size"],
    ]

    /// docker's other spellings of the keys.
    private static let aliases = ["dst": "target", "destination": "target", "src": "source",
                                  "readonly": "ro", "readwrite": "rw"]

    /// `from=`: empty for the build context.
    var from: String { fields["from"] ?? "" }
    /// `source=`: what a bind mounts, the root of `from` by default.
    var source: String { fields["source"] ?? "/" }

    private func flag(_ name: String) -> Bool { fields[name].map { $0 == "true" || $0 == "1" } ?? false }

    /// The mount the container gets, with `target` relative to `workingDirectory` if it
    /// is not absolute. A bind from the build context, and any `rw` bind, mounts a copy
    /// (see `copy`), added to `scratch` for the caller to remove with the container; a
    /// cache mount's lock goes into `locks`, for the caller to close then.
    func containerMount(root: StoreRoot, workingDirectory: String, bindRoots: [String: String],
                        context: BuildContext? = nil, scratch: inout [String],
                        locks: inout [Int32]) throws -> ContainerMount {
        let destination = Path.absolute(target, cwd: workingDirectory)
        switch kind {
        case .tmpfs:
            return ContainerMount(kind: .tmpfs, source: nil, destination: destination,
                                  options: fields["size"].map { "size=\($0)" })
        case .cache:
            let folder = try heldCacheFolder(root: root, locks: &locks)
            return ContainerMount(kind: .bind, source: folder, destination: destination, readOnly: flag("ro"))
        case .bind:
            let tree: LayeredTree, ignore: IgnoreRules, path: String
            if from.isEmpty, let context {
                // `select` says which .dockerignore line keeps an excluded source out.
                (tree, ignore, path) = (context.tree, context.ignore, try context.select([source]).first?.path ?? "")
            } else {
                guard let folder = bindRoots[from] else {
                    throw Self.error(text, "from=\(from): no stage or image of that name in this build")
                }
                (tree, ignore, path) = (LayeredTree(layers: [folder]), .none, source)
            }
            guard let entry = (try? tree.resolve(path)).flatMap(tree.entry) else {
                throw Self.error(text, "source=\(source) does not exist in " + (from.isEmpty ? "the build context" : from))
            }
            // A context is always copied: a bind of the folder itself would show excluded files.
            guard flag("rw") || (from.isEmpty && context != nil) else {
                return ContainerMount(kind: .bind, source: entry.host, destination: destination, readOnly: true)
            }
            let copy = BuildContainer.scratchPath(root: root, kind: "bind")
            scratch.append(copy)
            return ContainerMount(kind: .bind, source: try Self.copy(entry, of: tree, ignore: ignore, into: copy),
                                  destination: destination, readOnly: !flag("rw"))
        }
    }

    /// A copy of `entry` in the new folder `folder` — a folder's contents through the
    /// tree's walker, which leaves out what `ignore` excludes — by the layer copier COPY
    /// uses, which keeps owners, modes and links and refuses pipes, sockets and devices.
    /// Returns what to mount: `folder`, or the copied file in it.
    private static func copy(_ entry: LayeredTree.Entry, of tree: LayeredTree, ignore: IgnoreRules,
                             into folder: String) throws -> String {
        try Kernel.mkdir(folder, mode: 0o755, note: "RUN --mount=type=bind: a copy of what it mounts")
        var layer = try LayerFolder(layer: folder, base: LayeredTree(layers: []), owner: nil, chmod: nil)
        if entry.isDirectory {
            try layer.copyContents(of: entry, in: tree, ignore: ignore, to: "/")
        } else {
            try layer.copy(entry, to: "/file")
        }
        try layer.finish()
        return entry.isDirectory ? folder : folder + "/file"
    }

    /// The cache folder, locked for this step (`BuildCacheRoots.holdMount`): a prune that
    /// removed it while we waited for the lock means making it again.
    private func heldCacheFolder(root: StoreRoot, locks: inout [Int32]) throws -> String {
        while true {
            let folder = try cacheFolder(root: root)
            if let lock = try BuildCacheRoots.holdMount(folder) {
                locks.append(lock)
                return folder
            }
        }
    }

    /// `cache/build-mounts/<sha256 of the id>`: the id (the target when none is given) may
    /// hold any character, so it names the folder through its digest. Made on first use,
    /// owned and moded as the mount says.
    private func cacheFolder(root: StoreRoot) throws -> String {
        let id = fields["id"] ?? target
        let folder = root.buildMounts + "/" + Digest.of(Array(id.utf8)).hex
        guard !FileManager.default.fileExists(atPath: folder) else { return folder }
        let mode = try number("mode", radix: 8, default: 0o755)
        let uid = try number("uid", radix: 10, default: 0)
        let gid = try number("gid", radix: 10, default: 0)
        let staging = folder + ".new-" + ContainerID.generate().prefix(12)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try Kernel.lchown(staging, uid: UInt32(uid), gid: UInt32(gid), note: "the cache mount \(id) belongs to uid=\(uid),gid=\(gid)")
        try Kernel.chmod(staging, mode: UInt32(mode), note: "the cache mount \(id) gets mode=\(String(mode, radix: 8))")
        // Two builds may make it at once: the first rename wins, the other's goes.
        if (try? Kernel.rename(staging, to: folder, note: "the cache mount \(id) exists from now on")) == nil {
            try? FileManager.default.removeItem(atPath: staging)
        }
        return folder
    }

    private func number(_ key: String, radix: Int, default value: Int) throws -> Int {
        guard let text = fields[key] else { return value }
        guard let number = Int(text, radix: radix), number >= 0, number <= UInt32.max else {
            throw Self.error(self.text, "\(key)=\(text) is not a\(radix == 8 ? "n octal" : "") number")
        }
        return number
    }

    private static func error(_ text: String, _ what: String, hint: String? = nil) -> UsageError {
        UsageError(step: "build", "RUN --mount=\(text): \(what)", hint: hint)
    }
}
