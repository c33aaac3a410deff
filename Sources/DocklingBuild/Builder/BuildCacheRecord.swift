import DocklingCore

/// One entry of the build cache: a step's cache key led to this image. Written as JSON
/// under `cache/build/`; its `manifestDigest` keeps the image from garbage collection
/// (see `BuildCacheRoots` in the core).
public struct BuildCacheRecord: Codable, Sendable, Equatable {
    /// The image the step made: its config's digest (what `docker build` prints).
    public var imageID: String
    /// Its manifest, by which the image is found again though no tag names it.
    public var manifestDigest: Digest
    /// The step's identity regardless of content — stage and instruction text, as the
    /// builder spells it — so that a miss can be compared with the last time.
    public var step: String
    /// What a COPY or ADD read, so that a miss can say which file changed and how.
    public var contentKey: ContentKey?
    public var parentImageID: String

    public init(imageID: String, manifestDigest: Digest, step: String, contentKey: ContentKey? = nil,
                parentImageID: String) {
        self.imageID = imageID
        self.manifestDigest = manifestDigest
        self.step = step
        self.contentKey = contentKey
        self.parentImageID = parentImageID
    }

    /// The record of `image`, made on the image whose id is `parentImageID`.
    public init(image: StoredImage, step: String, contentKey: ContentKey? = nil, parentImageID: String) {
        self.init(imageID: image.id.description, manifestDigest: image.manifestDigest, step: step,
                  contentKey: contentKey, parentImageID: parentImageID)
    }
}
