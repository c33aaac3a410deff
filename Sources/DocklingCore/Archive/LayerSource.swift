/// What kind of directory a layer tar is written from.
public enum LayerSource: Sendable {
    /// A plain tree, written as it is (`dockling-snapshot`, `docker import` of a folder).
    case tree
    /// A container's overlay upper directory (`docker commit`): overlayfs's own marks
    /// for "deleted" and "replaced" become the OCI whiteouts every other runtime reads,
    /// and overlayfs's bookkeeping xattrs stay behind.
    case overlayUpper
}
