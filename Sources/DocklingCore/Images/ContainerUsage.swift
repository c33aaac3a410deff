/// The fields of a container's `config.json` the image store reads: the image as the
/// user named it, and the id it resolved to when the container was made.
struct ContainerImageFields: Decodable {
    let image: String?
    let imageID: String?
}

extension ImageStore {
    /// The ids of the containers under `<root>/containers/` made from `image`. A folder
    /// half made or half removed (`.new-<id>`, `.gone-<pid>-<id>`) is no container, and
    /// prune's to finish: it keeps no image.
    func containers(using image: StoredImage) -> [String] {
        let store = ContainerStore(root: root)
        return store.ids().sorted().filter { id in
            guard let fields = try? AtomicFile.read(ContainerImageFields.self, from: store.directory(id) + "/config.json")
            else { return false }
            // The id decides: a name may have moved to another image since.
            if let imageID = fields.imageID { return imageID == image.id.description }
            return fields.image.flatMap { try? ImageReference(parsing: $0) }.map(image.names.contains) == true
        }
    }
}
