extension LayeredTree {
    /// Makes the folder `path` (absolute, in the image) inside `layer`, an empty folder
    /// that becomes a layer on top of this tree — what WORKDIR does. As for a COPY
    /// destination: the image's symlinks are followed inside the image (`WORKDIR /var/run/x`
    /// with `/var/run -> /run` makes `run/x`), folders the image has are made with its mode
    /// and owner (overlayfs's copy-up), new ones 0755 and `owner`'s.
    public func makeFolder(_ path: String, in layer: String, owner: (uid: UInt32, gid: UInt32)) throws(ContextError) {
        var folder = try LayerFolder(layer: layer, base: self, owner: owner, chmod: nil)
        _ = try folder.folder(path)
    }
}
