import FoundationEssentials

/// `blobs/sha256/<hex>`: every manifest, config and layer tar, named by the sha256 of
/// its bytes. A name that is its content's hash can be checked by anyone at any time,
/// and the same bytes arriving twice land on the same name — stored once.
public struct ContentStore: Sendable {
    /// `<root>/blobs/sha256`.
    public let directory: String
    /// Where blobs are written before they get their name.
    let scratch: String

    public init(root: StoreRoot) {
        directory = root.blobs
        scratch = root.tmp
    }

    public func path(of digest: Digest) -> String { "\(directory)/\(digest.hex)" }

    public func contains(_ digest: Digest) -> Bool {
        FileManager.default.fileExists(atPath: path(of: digest))
    }

    /// A small blob's bytes (a manifest or a config), checked against its digest.
    public func read(_ digest: Digest) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path(of: digest)) else {
            throw ImageError("blob \(digest) is missing from \(directory)",
                             hint: "the store is damaged: remove the image and load it again")
        }
        let bytes = [UInt8](data)
        let actual = Digest.of(bytes)
        guard actual == digest else {
            throw ImageError("blob \(digest) is corrupt: its bytes hash to \(actual)",
                             hint: "remove the image and load it again")
        }
        return bytes
    }

    /// A reader over a blob that checks the digest when it reaches the end.
    func open(_ digest: Digest) throws -> BlobReader {
        try BlobReader(path: path(of: digest), verifying: digest)
    }

    /// Stores bytes held in memory and returns their digest. The caller holds the
    /// store lock, which also makes sure the folders exist.
    @discardableResult
    func write(_ bytes: [UInt8], kind: String) throws -> Digest {
        let staged = try stage()
        try staged.write(bytes)
        return try publish(staged, kind: kind)
    }

    /// A new scratch file to stream a blob into.
    func stage() throws -> StagingFile {
        try StagingFile(in: scratch, prefix: ImageStore.scratchPrefix + "blob-")
    }

    /// Gives a completely written scratch file its content address. A blob that is
    /// already stored is the same bytes, so the copy is simply dropped.
    @discardableResult
    func publish(_ staged: StagingFile, kind: String) throws -> Digest {
        let digest = staged.digest
        if contains(digest) {
            staged.discard()  // the same bytes are already stored: blobs are stored once
            return digest
        }
        try staged.commit(to: path(of: digest),
                          note: "publish the \(kind) under its content address: the name is the sha256 of the bytes")
        return digest
    }

    /// Every blob in the store.
    func all() -> [Digest] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { try? Digest(hex: $0) }
    }
}
