#if canImport(Glibc)
import Glibc
#endif

/// How overlayfs marks what the upper directory (or an unpacked layer) hides below it.
public enum OverlayEntry {
    /// The xattr on a directory that hides everything below it ("opaque").
    public static let opaqueXattr = "trusted.overlay.opaque"

    /// A character device with device number 0:0 is a whiteout: "deleted here".
    public static func isWhiteout(_ path: String) -> Bool {
        FileIO.lstat(path).map(isWhiteout) ?? false
    }

    /// The same test on a `stat` already made (a walk that lstats every name anyway).
    public static func isWhiteout(_ info: stat) -> Bool {
        info.st_mode & S_IFMT == S_IFCHR && info.st_rdev == 0
    }

    /// A directory with `trusted.overlay.opaque=y` hides the lower layers' contents.
    public static func isOpaque(_ path: String) -> Bool {
        Kernel.lgetxattr(path, name: opaqueXattr) == "y"
    }

    /// Whether `path` (`/etc/passwd` as the container sees it, or `etc/passwd`) is visible
    /// in the stack of `layers` (top first): the first layer that has it, or hides it, decides.
    public static func visible(_ path: String, in layers: [String]) -> Bool {
        let parts = Path.components(of: path)
        for layer in layers {
            var here = layer
            var hidesBelow = false
            for (index, part) in parts.enumerated() {
                here += "/" + part
                guard let info = FileIO.lstat(here) else {
                    // Missing here: look lower, unless an opaque directory on the way hides them.
                    if hidesBelow { return false }
                    break
                }
                if isWhiteout(info) { return false }
                if index == parts.count - 1 { return true }
                // A file where a lower layer has a directory replaces the whole directory.
                if info.st_mode & S_IFMT != S_IFDIR { return false }
                hidesBelow = hidesBelow || isOpaque(here)
            }
        }
        return false
    }
}
