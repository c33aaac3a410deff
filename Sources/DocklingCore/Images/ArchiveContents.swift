import FoundationEssentials

/// The files of an image archive (docker-archive or OCI archive), read in one pass and
/// staged under the store's tmp folder, each hashed on the way in. Nothing is named by
/// the paths inside the archive: they are only keys for looking files up afterwards —
/// keyed by their bytes, as the tar tells its names apart (`Path.same` says why).
final class ArchiveContents {
    private var files: [[UInt8]: StagingFile] = [:]
    /// Symbolic and hard links between entries (old docker archives use them).
    private var links: [[UInt8]: String] = [:]

    init(reading source: ArchiveSource, label: String, store: ImageStore) throws {
        let reader = try ArchiveReader(.tar(decompressing: true), from: source, label: label)
        while let entry = try reader.next() {
            let name = try LayerPath.normalize(entry.pathname, entry: entry.pathname)
            let key = Array(name.utf8)
            if let target = entry.hardlink {
                links[key] = try LayerPath.normalize(target, entry: entry.pathname)
            } else if let target = entry.symlink {
                links[key] = Self.resolve(target, from: Path.parent(of: "/" + name))
            } else if entry.isRegularFile {
                let staged = try store.content.stage()
                while let block = try reader.nextBlock() { try staged.write(block.bytes) }
                staged.seal()
                files[key] = staged
            }
        }
    }

    func contains(_ name: String) -> Bool { file(name) != nil }

    /// The staged file stored under `name` (spelled as entries are: `./a` is `a`; links followed).
    func file(_ name: String) -> StagingFile? {
        guard var current = try? LayerPath.normalize(name, entry: name) else { return nil }
        for _ in 0..<8 {
            if let staged = files[Array(current.utf8)] { return staged }
            guard let next = links[Array(current.utf8)] else { return nil }
            current = next
        }
        return nil
    }

    /// The staged file for `name`, or an error naming what the archive lacks.
    func require(_ name: String) throws -> StagingFile {
        guard let staged = file(name) else { throw ImageError("the archive has no file '\(name)'") }
        return staged
    }

    /// `blobs/sha256/<hex>`, checked: its bytes must hash to its name.
    func blob(_ descriptor: Descriptor) throws -> StagingFile {
        let staged = try require(ImageStore.blobPath(descriptor.digest))
        guard staged.digest == descriptor.digest, staged.size == descriptor.size else {
            throw ImageError("blob \(descriptor.digest) in the archive does not match its descriptor "
                             + "(sha256 \(staged.digest), \(staged.size) bytes)", hint: "the archive is damaged")
        }
        return staged
    }

    /// The bytes of a small staged file (JSON).
    func bytes(of staged: StagingFile) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: staged.path) else {
            throw ImageError("cannot read back \(staged.path)")
        }
        return [UInt8](data)
    }

    /// A symlink target made relative to the archive's top; nil if it leaves the archive.
    static func resolve(_ target: String, from directory: String) -> String? {
        var parts = Path.isAbsolute(target) ? [] : Path.components(of: directory)
        for part in Path.components(of: target) where !Path.same(part, ".") {
            if Path.same(part, "..") {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
