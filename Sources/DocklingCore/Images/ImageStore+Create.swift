import FoundationEssentials

/// A layer just written to the store.
public struct NewLayer: Sendable {
    /// The blob: an uncompressed tar, so its digest is also its diff id.
    public let blob: Descriptor
    public let diffID: Digest
    /// Each file of the directory and the tar entries it became.
    public let entries: [LayerEntry]

    /// How many files, directories and links the tar holds.
    public var entryCount: Int { entries.reduce(0) { $0 + $1.tarNames.count } }
}

/// A JSON blob just written to the store, with its exact bytes.
public struct JSONBlob: Sendable {
    public let descriptor: Descriptor
    public let bytes: [UInt8]
}

// The steps that make an image, in the order dockling-snapshot shows them: a layer,
// a config that lists it, a manifest that points at both, a name in index.json.
extension ImageStore {
    /// Writes `directory` as a layer tar into the store and unpacks it under `layers/`.
    public func addLayer(fromDirectory directory: String, as source: LayerSource = .tree) throws -> NewLayer {
        try withLock {
            let staged = try content.stage()
            let entries = try LayerWriter.write(directory: directory, as: source, to: staged)
            let blob = Descriptor(mediaType: MediaType.ociLayer, digest: staged.digest, size: staged.size)
            try unpackLayer(BlobReader(path: staged.path), diffID: blob.digest, blob: blob)
            try content.publish(staged, kind: "layer tar")
            return NewLayer(blob: blob, diffID: blob.digest, entries: entries)
        }
    }

    /// Stores an image config. Its digest is the image id.
    public func addConfig(_ config: ImageConfiguration) throws -> JSONBlob {
        try addJSON(config, mediaType: MediaType.ociConfig, kind: "image config")
    }

    /// Stores the manifest that ties a config to its layers.
    public func addManifest(config: Descriptor, layers: [Descriptor]) throws -> JSONBlob {
        try addJSON(ImageManifest(config: config, layers: layers), mediaType: MediaType.ociManifest, kind: "manifest")
    }

    /// Lists a manifest in index.json under `reference`, or unnamed when it is nil.
    public func tag(_ manifest: Descriptor, as reference: ImageReference?) throws {
        if let reference, reference.tag == nil || reference.digest != nil {
            throw ImageError("cannot tag an image as '\(reference.familiarDescription)'",
                             hint: "a tag is NAME:TAG; a digest names content, it cannot be moved")
        }
        try withLock {
            var index = try index()
            if let reference { index.tag(manifest, as: reference) } else { index.keepListed(manifest) }
            try writeIndex(index)
        }
    }

    private func addJSON<T: Encodable>(_ value: T, mediaType: String, kind: String) throws -> JSONBlob {
        let bytes = try JSONCoding.encode(value)
        let digest = try withLock { try content.write(bytes, kind: kind) }
        return JSONBlob(descriptor: Descriptor(mediaType: mediaType, digest: digest, size: Int64(bytes.count)),
                        bytes: bytes)
    }
}
