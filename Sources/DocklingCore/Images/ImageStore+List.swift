/// One row of `dockling images`: a name (or `<none>`) and the image it points at.
public struct ImageSummary: Sendable {
    public let reference: ImageReference?
    public let image: StoredImage

    /// Seconds since the epoch the image was made, if its config says.
    public var created: Double? { image.config.created.flatMap(Timestamp.parse) }
}

extension ImageStore {
    /// One row per name, and one for each image without a name; newest first.
    public func summaries() throws -> [ImageSummary] {
        try images().flatMap { image in
            image.names.isEmpty ? [ImageSummary(reference: nil, image: image)]
                : image.names.map { ImageSummary(reference: $0, image: image) }
        }.sorted { ($0.created ?? 0) > ($1.created ?? 0) }
    }
}

extension ImageSummary {
    /// `docker images REPOSITORY[:TAG]`: the rows of one repository, or of one tag.
    public struct Filter: Sendable {
        let reference: ImageReference
        let tagGiven: Bool

        public init(_ text: String) throws {
            reference = try ImageReference(parsing: text)
            tagGiven = text.split(separator: "/").last?.contains(":") == true
        }

        public func matches(_ row: ImageSummary) -> Bool {
            guard let name = row.reference else { return false }
            return name.name == reference.name && (!tagGiven || name.tag == reference.tag)
        }
    }

    /// `REPOSITORY TAG IMAGE ID CREATED SIZE`, as `docker images` prints it.
    public static func table(_ rows: [ImageSummary], now: Double) -> String {
        TextTable.render([["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"]] + rows.map { row in
            [row.reference?.familiarName ?? "<none>", row.reference?.tag ?? "<none>", row.image.id.short,
             row.created.map { HumanUnits.duration(seconds: now - $0) + " ago" } ?? "N/A",
             HumanUnits.size(row.image.contentSize)]
        })
    }
}
