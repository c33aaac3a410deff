extension ImageStore {
    /// `docker rmi`: removes a name, and the image itself once no name is left.
    /// Returns docker's lines: `Untagged: busybox:latest`, `Deleted: sha256:…`.
    ///
    /// Refused, unless `force`, when the image has several names and was given by id,
    /// or when a container was made from it. Forced, an image a container still uses
    /// stays in the store, unnamed, so its layers stay too.
    public func remove(_ text: String, force: Bool) throws -> [String] {
        try withLock {
            guard let image = try lookup(text) else { throw ImageError.noSuchImage(text) }
            var index = try index()
            let given = (try? ImageReference(parsing: text)).flatMap { image.names.contains($0) ? $0 : nil }
            if let given, image.names.count > 1 {
                index.untag(given)
                try writeIndex(index)
                return ["Untagged: \(given.familiarDescription)"]
            }
            if !force && image.names.count > 1 {
                throw ImageError("unable to delete \(image.id.short): it has \(image.names.count) names",
                                 hint: "remove them one by one, or use -f")
            }
            let users = containers(using: image)
            if !force, let user = users.first {
                throw ImageError("unable to delete \(image.id.short): container \(user) was made from it",
                                 hint: "remove the container first, or use -f to remove only the names")
            }
            var lines = image.names.map { "Untagged: \($0.familiarDescription)" }
            index.manifests.removeAll { $0.digest == image.manifestDigest }
            if !users.isEmpty { index.keepListed(image.manifestDescriptor) }
            try writeIndex(index)
            guard users.isEmpty else { return lines }
            // Another manifest (the same image, compressed differently) may share the id.
            if try !images().contains(where: { $0.id == image.id }) { lines.append("Deleted: \(image.id)") }
            let removed = try collectGarbage()
            lines += removed.layers.map { "Deleted: \($0)" }
            return lines
        }
    }
}
