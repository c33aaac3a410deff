import FoundationEssentials

/// What `stack` wrote: the config and manifest of a new image, and its layers.
struct StackedImage {
    let config: JSONBlob
    let manifest: JSONBlob
    /// The manifest's layers, bottom first: the parent's, then the new one if any.
    let layers: [Descriptor]
}

// A build is run + commit, repeated: each step's image is its parent plus one layer (RUN,
// COPY) or plus nothing but a new config (ENV, CMD…). Commit and build share `stack`.
extension ImageStore {
    /// A new image on top of `parent` (nil: on nothing, `FROM scratch`): its layers plus
    /// the layer made from `changes` — an overlay upper directory (`.overlayUpper`, a RUN)
    /// or a plain folder of new files (`.tree`, a COPY) — or, when `changes` is nil, the
    /// same layers under a new config (a metadata step). `config` is the whole config
    /// (the caller appends the history entry); its `rootfs` is set here to the layers'
    /// diff ids. Nothing names the image: it is blobs only, kept by `lease` (written under
    /// the same lock, so no prune comes between) until `tag` lists it or a build cache
    /// record keeps it (see `collectGarbage`) — without a lease, a prune may take it at
    /// once. `changes` is consumed: removed whether or not the image could be made.
    public func makeImage(parent: StoredImage?, changes: String?, as source: LayerSource = .overlayUpper,
                          config: ImageConfiguration, lease: BuildLease? = nil) throws -> StoredImage {
        defer { if let changes { try? FileManager.default.removeItem(atPath: changes) } }
        return try withLock {
            let layer = try changes.map { try addLayer(fromDirectory: $0, as: source) }
            let stacked = try stack(on: parent, layer: layer, config: config)
            try lease?.add(stacked.manifest.descriptor.digest)
            return try image(at: stacked.manifest.descriptor, names: [])
        }
    }

    /// Names `image` with each of `references` (`docker build -t a -t b`), moving a tag
    /// that named another image, in one write of index.json. With no references it is
    /// listed unnamed (`<none>`), as docker lists an untagged build's result.
    public func tag(_ image: StoredImage, as references: [ImageReference]) throws {
        for reference in references where reference.tag == nil || reference.digest != nil {
            throw ImageError("cannot tag an image as '\(reference.familiarDescription)'",
                             hint: "a tag is NAME:TAG; a digest names content, it cannot be moved")
        }
        try withLock {
            var index = try index()
            for reference in references { index.tag(image.manifestDescriptor, as: reference) }
            if references.isEmpty { index.keepListed(image.manifestDescriptor) }
            try writeIndex(index)
        }
    }

    /// An image by its manifest's digest, whether or not index.json lists it (a build
    /// step's image that only a cache record names). Nil when the store lacks the blob.
    public func image(manifest digest: Digest) throws -> StoredImage? {
        guard content.contains(digest) else { return nil }
        let index = try index()
        if let listed = index.manifests.first(where: { $0.digest == digest }) {
            return try image(at: listed, names: index.names(of: digest))
        }
        let size = Int64(try content.read(digest).count)
        return try image(at: Descriptor(mediaType: MediaType.ociManifest, digest: digest, size: size), names: [])
    }

    /// The last steps of every image made on top of another: a config listing exactly
    /// `parent`'s diff ids plus `layer`'s (and no more history entries that made layers
    /// than that), then the manifest tying it to those layers.
    /// Content-addressed blobs only: nothing can see the image yet. The caller holds the lock.
    func stack(on parent: StoredImage?, layer: NewLayer?, config: ImageConfiguration) throws -> StackedImage {
        var config = config
        config.rootfs = RootFS(diffIDs: (parent?.diffIDs ?? []) + (layer.map { [$0.diffID] } ?? []))
        let layers = (parent?.manifest.layers ?? []) + (layer.map { [$0.blob] } ?? [])
        // What `load` would refuse is refused here, before it is written: a metadata
        // step's history entry must say `empty_layer`.
        try PendingImage.validate(config, layerCount: layers.count, what: "the new image")
        let configBlob = try addConfig(config)
        let manifest = try addManifest(config: configBlob.descriptor, layers: layers)
        return StackedImage(config: configBlob, manifest: manifest, layers: layers)
    }
}
