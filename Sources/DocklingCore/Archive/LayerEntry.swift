/// One file of the directory a layer was written from, and the tar entries it became —
/// so a learner can see each overlay mark turn into its OCI whiteout.
public struct LayerEntry: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case file, directory, symlink, hardlink, device, fifo
        /// overlayfs's "deleted": a character device 0:0. It becomes an empty `.wh.NAME`.
        case whiteout
        /// overlayfs's "removed and made again": a directory with `trusted.overlay.opaque=y`.
        /// It becomes the directory followed by `DIR/.wh..wh..opq`.
        case opaqueDirectory
    }

    /// The path in the directory, relative to it (`etc/motd`).
    public let path: String
    public let kind: Kind
    /// The names the tar holds for it, in the order written.
    public let tarNames: [String]
}
