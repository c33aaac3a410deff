/// The option string of an overlay mount.
///
/// `redirect_dir=off` and `metacopy=off` make overlayfs copy a renamed directory and
/// leave a whiteout instead of recording a redirect, and copy whole files instead of
/// metadata only: an upper directory then holds every change in plain form, which is
/// what commit turns into a layer tar.
public enum OverlayOptions {
    /// mount(2) copies at most one page of options; the kernel drops the rest.
    public static let limit = 4095

    /// `volatile` (Linux 5.10) skips every sync of the upper directory, the unmount's
    /// sync of its whole filesystem included: for a container whose changes are thrown
    /// away when it ends (`--rm`, as podman does). overlayfs then refuses to mount that
    /// upper directory again, which such a container never asks.
    public static func string(lowerdirs: [String], upper: String, work: String, volatile: Bool = false) -> String {
        "lowerdir=\(lowerdirs.map(escaped).joined(separator: ":")),upperdir=\(escaped(upper)),workdir=\(escaped(work))"
            + settings(volatile: volatile).map { "," + $0.key + ($0.value.map { "=" + $0 } ?? "") }.joined()
    }

    /// The options besides the directories, as key and value (nil for a flag): the same
    /// in an option string and in `fsconfig` calls.
    static func settings(volatile: Bool) -> [(key: String, value: String?)] {
        [("redirect_dir", "off"), ("metacopy", "off")] + (volatile ? [("volatile", nil)] : [])
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
