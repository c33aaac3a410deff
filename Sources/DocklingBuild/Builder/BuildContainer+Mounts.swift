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
///   the context or of another stage, read-only. With `rw` the step may write, to a copy
///   that is thrown away, as BuildKit's "written data will be discarded".
struct RunMount {
    enum Kind: String { case bind, cache, tmpfs }

    let text: String
    let kind: Kind
    let target: String
    private var fields: [String: String] = [:]

    init(parsing text: String) throws {
        self.text = text
        for field in text.split(separator: ",").map(String.init) {
            let parts = field.split(separator: "=", maxSplits: 1).map(String.init)
            let key = parts[0].lowercased()
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

    private func flag(_ name: String) -> Bool { fields[name].map { $0 == "true" || $0 == "1" } ?? false }

    /// The mount the container gets, with `target` relative to `workingDirectory` if it
    /// is not absolute. A `rw` bind's throwaway copy is added to `scratch`, for the caller
    /// to remove with the container.
    func containerMount(root: StoreRoot, workingDirectory: String, bindRoots: [String: String],
                        scratch: inout [String]) throws -> ContainerMount {
        let destination = Path.absolute(target, cwd: workingDirectory)
        switch kind {
        case .tmpfs:
            return ContainerMount(kind: .tmpfs, source: nil, destination: destination,
                                  options: fields["size"].map { "size=\($0)" })
        case .cache:
            return ContainerMount(kind: .bind, source: try cacheFolder(root: root), destination: destination,
                                  readOnly: flag("ro"))
        case .bind:
            let from = fields["from"] ?? ""
            guard let folder = bindRoots[from] else {
                throw Self.error(text, "from=\(from): no stage or image of that name in this build")
            }
            let source = try RootfsPath(rootfs: folder).resolve(fields["source"] ?? "/")
            guard FileManager.default.fileExists(atPath: source) else {
                throw Self.error(text, "source=\(fields["source"] ?? "/") does not exist in "
                                 + (from.isEmpty ? "the build context" : from))
            }
            guard flag("rw") else { return ContainerMount(kind: .bind, source: source, destination: destination, readOnly: true) }
            let copy = BuildContainer.scratchPath(root: root, kind: "bind")
            scratch.append(copy)
            try FileManager.default.copyItem(atPath: source, toPath: copy)
            return ContainerMount(kind: .bind, source: copy, destination: destination)
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
