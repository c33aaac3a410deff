/// OCI whiteouts (image-spec layer.md): how a layer says "delete this from the layers
/// below me". In a tar it is an empty file named `.wh.NAME`, or `.wh..wh..opq` for
/// "hide everything the layers below have in this directory". overlayfs spells the
/// same things as a 0:0 character device and the xattr `trusted.overlay.opaque=y`.
enum Whiteout: Equatable {
    /// Hide `path` of the lower layers.
    case remove(String)
    /// Hide every lower-layer child of `directory` (the empty string is the root).
    case opaque(String)
    /// Other `.wh..wh.` names: aufs bookkeeping, meaningless to overlayfs.
    case metadata

    static let prefix = ".wh."
    static let opaqueMarker = ".wh..wh..opq"

    /// What a normalized layer path means, or nil when it is an ordinary entry.
    static func classify(_ path: String, entry: String) throws(ArchiveError) -> Whiteout? {
        let base = Path.base(of: path)
        guard base.hasPrefix(prefix) else { return nil }
        let directory = path.contains("/") ? Path.parent(of: path) : ""
        if base == opaqueMarker { return .opaque(directory) }
        if base.hasPrefix(prefix + prefix) { return .metadata }
        let name = String(base.dropFirst(prefix.count))
        guard !name.isEmpty, name != ".", name != ".." else {
            throw .refused(entry, "whiteout '\(base)' names no file inside the layer")
        }
        return .remove(directory.isEmpty ? name : directory + "/" + name)
    }
}
