// How dockling keeps tags in index.json: one manifest descriptor per tag, named by the
// `io.containerd.image.name` and `org.opencontainers.image.ref.name` annotations, and
// one unnamed descriptor for an image that has no tag left.

extension Descriptor {
    /// The image name this index entry carries, if any. A `ref.name` that is a whole
    /// reference (podman writes those) counts; a bare tag names no repository.
    public var imageName: ImageReference? {
        if let full = annotations?[Annotation.imageName] { return try? ImageReference(parsing: full) }
        guard let ref = annotations?[Annotation.refName], ref.contains(":") || ref.contains("/") else { return nil }
        return try? ImageReference(parsing: ref)
    }

    /// This descriptor with the annotations that name it `reference` (or no name).
    func named(_ reference: ImageReference?) -> Descriptor {
        var copy = Descriptor(mediaType: mediaType, digest: digest, size: size)
        if let reference, let tag = reference.tag {
            copy.annotations = [Annotation.imageName: reference.description, Annotation.refName: tag]
        }
        return copy
    }
}

extension ImageIndex {
    /// The names pointing at a manifest.
    func names(of digest: Digest) -> [ImageReference] {
        manifests.filter { $0.digest == digest }.compactMap(\.imageName)
    }

    /// Points `reference` at `manifest`. A tag that pointed elsewhere moves, and an image
    /// left without any tag stays listed, unnamed (`<none>`), as docker does.
    mutating func tag(_ manifest: Descriptor, as reference: ImageReference) {
        let previous = untag(reference)
        manifests.removeAll { $0.digest == manifest.digest && $0.imageName == nil }
        manifests.append(manifest.named(reference))
        if let previous { keepListed(previous) }
    }

    /// Lists a manifest, unnamed, unless an entry already lists it.
    mutating func keepListed(_ manifest: Descriptor) {
        guard !manifests.contains(where: { $0.digest == manifest.digest }) else { return }
        manifests.append(manifest.named(nil))
    }

    /// Removes one name; returns the entry it had.
    @discardableResult
    mutating func untag(_ reference: ImageReference) -> Descriptor? {
        guard let entry = manifests.first(where: { $0.imageName == reference }) else { return nil }
        manifests.removeAll { $0.imageName == reference }
        return entry
    }
}
