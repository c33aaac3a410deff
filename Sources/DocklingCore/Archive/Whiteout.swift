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

    /// Whether a file name (no slash) starts with `.wh.`, byte for byte as other tools
    /// read it: `.wh.\u{301}x` is a whiteout though its fourth Character is not `.`.
    static func isMarked(_ base: String) -> Bool { base.utf8.starts(with: prefix.utf8) }

    /// What a normalized layer path means, or nil when it is an ordinary entry.
    static func classify(_ path: String, entry: String) throws(ArchiveError) -> Whiteout? {
        var parts = Path.components(of: path)
        guard let base = parts.popLast(), isMarked(base) else { return nil }
        let directory = parts.joined(separator: "/")
        if Path.same(base, opaqueMarker) { return .opaque(directory) }
        let name = String(decoding: base.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
        if isMarked(name) { return .metadata }
        guard !name.isEmpty, !Path.same(name, "."), !Path.same(name, "..") else {
            throw .refused(entry, "whiteout '\(base)' names no file inside the layer")
        }
        return .remove(directory.isEmpty ? name : directory + "/" + name)
    }
}
