import FoundationEssentials

/// dockling's images: an OCI image layout at the store root (`oci-layout`, `index.json`,
/// `blobs/sha256/`) plus each layer unpacked once under `layers/<diff-id>/`.
///
/// index.json is the list of images: one entry per tag, pointing at a manifest by
/// digest. Everything else is content-addressed, so it can be written at leisure and
/// published by rename; an image exists from the moment index.json names it, and that
/// file is replaced in one rename while the store lock is held.
public final class ImageStore {
    /// Scratch files and folders of the image store start with this, so a clean-up
    /// knows which leftovers are its own.
    static let scratchPrefix = "images-"

    public let root: StoreRoot
    public let content: ContentStore
    /// Show a progress bar (or a plain line) per layer while loading, importing, saving.
    public var showsProgress = false
    /// The open lock file and how many nested `withLock` calls hold it.
    var lockFD: Int32 = -1
    var lockDepth = 0

    public init(root: StoreRoot) {
        self.root = root
        content = ContentStore(root: root)
    }

    var indexPath: String { root.path + "/index.json" }

    /// The store's index; empty when nothing was ever stored.
    public func index() throws -> ImageIndex {
        let opened = Result { () throws(KernelError) -> Int32 in
            try Kernel.open(indexPath, [.readOnly, .closeOnExec], note: "read index.json: the list of the store's images")
        }
        if case .failure(let error) = opened, error.errno == .ENOENT { return ImageIndex() }
        let fd = try opened.get()
        defer { _ = try? Kernel.close(fd, note: "index.json is read") }
        guard let data = Kernel.readToEnd(fd) else { throw KernelError(call: "read(\(StraceFormat.quote(indexPath)))", errno: .current) }
        return try JSONCoding.decode(ImageIndex.self, from: data, what: indexPath)
    }

    /// Replaces index.json in one rename. The caller holds the store lock.
    func writeIndex(_ index: ImageIndex) throws {
        let staged = try StagingFile(in: root.tmp, prefix: Self.scratchPrefix + "index-")
        try staged.write(JSONCoding.encode(index))
        try staged.commit(to: indexPath, note: "publish the new index.json: the list of images changes in one step")
    }

    /// Creates the layout's folders and its `oci-layout` marker on first use.
    func prepareLayout() throws {
        let files = FileManager.default
        for directory in [root.blobs, root.layers, root.tmp] {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let marker = root.path + "/" + OCILayout.fileName
        if !files.fileExists(atPath: marker) {
            let staged = try StagingFile(in: root.tmp, prefix: Self.scratchPrefix + "layout-")
            try staged.write(JSONCoding.encode(OCILayout.current))
            try staged.commit(to: marker, note: "mark the store root as an OCI image layout")
        }
    }
}
