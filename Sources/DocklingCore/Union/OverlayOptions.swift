/// The option string of an overlay mount.
///
/// `redirect_dir=off` and `metacopy=off` make overlayfs copy a renamed directory and
/// leave a whiteout instead of recording a redirect, and copy whole files instead of
/// metadata only: an upper directory then holds every change in plain form, which is
/// what commit turns into a layer tar.
public enum OverlayOptions {
    /// mount(2) copies at most one page of options; the kernel drops the rest.
    public static let limit = 4095

    public static func string(lowerdirs: [String], upper: String, work: String) -> String {
        "lowerdir=\(lowerdirs.joined(separator: ":")),upperdir=\(upper),workdir=\(work)"
            + ",redirect_dir=off,metacopy=off"
    }
}
