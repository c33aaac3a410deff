extension ImageStore {
    /// Every image in the store, once each, in the order index.json lists them.
    public func images() throws -> [StoredImage] {
        let index = try index()
        var seen = Set<Digest>()
        return try index.manifests.compactMap { entry in
            guard seen.insert(entry.digest).inserted else { return nil }
            return try image(at: entry, names: index.names(of: entry.digest))
        }
    }

    /// Finds an image the way docker does: by id (`sha256:…` or 64 hex digits), by
    /// name (`busybox`, `busybox:1.36`, `busybox@sha256:…`), then by a unique prefix of
    /// its id (`3f5a1c`). Nil when nothing matches.
    public func lookup(_ text: String) throws -> StoredImage? {
        let hex = text.hasPrefix("sha256:") ? String(text.dropFirst(7)) : text
        if Digest.isHex(hex, count: 64), let image = try images().first(where: { $0.id.hex == hex || $0.manifestDigest.hex == hex }) {
            return image
        }
        if let reference = try? ImageReference(parsing: text) {
            let index = try index()
            let entry = index.manifests.first { entry in
                reference.digest.map { entry.digest == $0 } ?? (entry.imageName == reference)
            }
            if let entry { return try image(at: entry, names: index.names(of: entry.digest)) }
        }
        guard Digest.isHex(hex) else { return nil }
        let matches = try images().filter { $0.id.hex.hasPrefix(hex) }
        guard matches.count <= 1 else {
            throw ImageError("'\(text)' is the start of \(matches.count) image ids", hint: "give more digits")
        }
        return matches.first
    }

    /// Like `lookup`, but `busybox:latest` is made from the busybox root filesystem
    /// when it is asked for and the store does not have it yet.
    public func resolve(_ text: String) throws -> StoredImage? {
        if let image = try lookup(text) { return image }
        return (try? ImageReference(parsing: text)) == Self.busybox ? try makeBusybox() : nil
    }

    /// The image named `text` (see `resolve`), or an error saying there is none.
    public func image(_ text: String) throws -> StoredImage {
        Tracer.shared.step = "images"
        guard let image = try resolve(text) else { throw ImageError.noSuchImage(text) }
        return image
    }
}
