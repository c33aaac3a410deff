import FoundationEssentials

extension ImageStore {
    /// The unpacked layers of an image, bottom layer first: the directories an overlay
    /// mount stacks (overlayfs wants them top first in `lowerdir=`, so reverse them).
    /// A layer missing from `layers/` is unpacked again from its blob.
    public func layerDirectories(of image: StoredImage) throws -> [String] {
        try zip(image.manifest.layers, image.diffIDs).map { layer, diffID in
            let directory = layerDirectory(diffID)
            if !FileManager.default.fileExists(atPath: directory) {
                _ = try withLock {
                    try unpackLayer(content.open(layer.digest), diffID: diffID, blob: layer)
                }
            }
            return directory
        }
    }

    /// `layers/<diff-id hex>`.
    public func layerDirectory(_ diffID: Digest) -> String { root.layers + "/" + diffID.hex }

    /// Unpacks a layer blob under `tmp/` and renames it to `layers/<diff-id>` once it is
    /// complete. With `diffID`, the uncompressed bytes must hash to it. A layer already
    /// unpacked is shared, not unpacked twice. Returns the diff id.
    @discardableResult
    func unpackLayer(_ reader: BlobReader, diffID expected: Digest?, blob: Descriptor) throws -> Digest {
        let label = "layer \(blob.digest)"
        if let expected, content.contains(blob.digest), FileManager.default.fileExists(atPath: layerDirectory(expected)) {
            return expected  // shared with an image already in the store
        }
        let staging = root.tmp + "/" + Self.scratchPrefix + "layer-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let progress = TransferProgress(action: "Unpacking", item: "layer \(blob.digest.short)", total: blob.size,
                                        enabled: showsProgress)
        reader.onProgress = progress.update
        let diffID = try LayerExtractor(into: staging).extract(reader, label: label)
        progress.finish()
        if let expected, diffID != expected {
            throw ImageError("\(label): its uncompressed bytes hash to \(diffID), but the config says \(expected)",
                             hint: "the archive is damaged or was altered")
        }
        let target = layerDirectory(diffID)
        if !FileManager.default.fileExists(atPath: target) {
            do {
                try Kernel.rename(staging, to: target,
                                  note: "publish the unpacked layer under its diff id: a future overlay lower directory")
            } catch {
                throw StepError(step: "images", error)
            }
        }
        return diffID
    }
}
