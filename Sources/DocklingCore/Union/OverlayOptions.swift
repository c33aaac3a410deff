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
        "lowerdir=\(lowerdirs.map(escaped).joined(separator: ":")),upperdir=\(escaped(upper)),workdir=\(escaped(work))"
            + ",redirect_dir=off,metacopy=off"
    }

    /// overlayfs splits its options at commas and `lowerdir` at colons, so a path that
    /// holds either (or a backslash) has it escaped with a backslash, as the kernel expects.
    static func escaped(_ path: String) -> String {
        var out = ""
        for character in path {
            if character == "\\" || character == "," || character == ":" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
