import DocklingCore

extension Builder {
    /// The target stage's image becomes the build's result: `--label`s set on it (a new
    /// config only, no history entry, as BuildKit adds them), then named with every `-t`
    /// in one write of index.json — the first moment anything of the build has a name.
    func export(_ state: StageState) throws -> StoredImage {
        var image = state.image!
        let vertex = begin("exporting to image")
        observer.note("exporting layers done", in: vertex)
        if !request.labels.isEmpty {
            var config = image.config
            var execution = config.config ?? ExecutionConfig()
            var labels = execution.labels ?? [:]
            for label in request.labels { labels[label.name] = label.value }
            execution.labels = labels
            config.config = execution
            image = try store.makeImage(parent: image, changes: nil, config: config, lease: lease)
        }
        observer.note("writing image \(image.id) done", in: vertex)
        try store.tag(image, as: request.tags)
        for tag in request.tags { observer.note("naming to \(tag) done", in: vertex) }
        if let file = request.iidFile {
            do {
                try AtomicFile.write(Array(image.id.description.utf8), to: file, durable: false)
            } catch {
                throw BuildFailure("failed to write image ID to \(file): \(error)")
            }
        }
        finish(vertex)
        return image
    }
}
