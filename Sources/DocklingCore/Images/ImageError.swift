/// A failure in the image store: a missing image, a bad reference, a blob whose bytes
/// do not match its digest, an archive that is not an image.
public struct ImageError: DocklingFailure {
    public let step = "images"
    public let what: String
    public let hint: String?

    public init(_ what: String, hint: String? = nil) {
        self.what = what
        self.hint = hint
    }

    static func noSuchImage(_ name: String) -> ImageError {
        ImageError("no such image: \(name)", hint: "`dockling images` lists the images in the store")
    }
}
