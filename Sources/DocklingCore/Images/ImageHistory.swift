/// One row of `dockling history`: a step that made the image, newest first.
public struct ImageHistoryRow: Sendable, Equatable {
    /// The image id for the top row; docker shows `<missing>` for the steps below.
    public let image: String
    public let created: Double?
    public let createdBy: String
    /// The size of the layer the step made, or 0 for a step that changed no files.
    public let size: Int64
    public let comment: String
}

extension StoredImage {
    /// The history entries, each paired with the layer it made (entries marked
    /// `empty_layer` made none); layers without an entry get a row of their own.
    public var history: [ImageHistoryRow] {
        var layers = manifest.layers.makeIterator()
        var rows: [ImageHistoryRow] = []
        for entry in config.history ?? [] {
            let size = entry.emptyLayer == true ? 0 : layers.next()?.size ?? 0
            rows.append(ImageHistoryRow(image: "<missing>", created: entry.created.flatMap(Timestamp.parse),
                                        createdBy: entry.createdBy ?? "", size: size, comment: entry.comment ?? ""))
        }
        while let layer = layers.next() {
            rows.append(ImageHistoryRow(image: "<missing>", created: nil, createdBy: "", size: layer.size, comment: ""))
        }
        rows.reverse()
        if let top = rows.first {
            rows[0] = ImageHistoryRow(image: id.short, created: top.created, createdBy: top.createdBy,
                                      size: top.size, comment: top.comment)
        }
        return rows
    }
}

extension ImageHistoryRow {
    /// `IMAGE CREATED CREATED BY SIZE COMMENT`, as `docker history` prints it; the
    /// command is cut at 45 characters unless `truncate` is false.
    public static func table(_ rows: [ImageHistoryRow], now: Double, truncate: Bool) -> String {
        TextTable.render([["IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT"]] + rows.map { row in
            [row.image, row.created.map { HumanUnits.duration(seconds: now - $0) + " ago" } ?? "N/A",
             command(row.createdBy, truncate: truncate), HumanUnits.size(row.size), row.comment]
        })
    }

    /// The step's command as docker shows it: cut at 45 characters unless `truncate` is false.
    public static func command(_ createdBy: String, truncate: Bool) -> String {
        truncate && createdBy.count > 45 ? createdBy.prefix(44) + "…" : createdBy
    }
}
