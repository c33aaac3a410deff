import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Reads an upper directory the way `docker diff` does.
///
/// - a whiteout (character device 0:0) is `D`, the name deleted;
/// - an opaque directory that hid something below is `D` (its old contents are gone),
///   and what it holds now is listed under it;
/// - anything else is `C` when the layers below have it, `A` when they do not.
///
/// A directory shows up in the upper directory only when something under it changed, so
/// a directory the layers already have is `C`, as docker reports it.
public enum UnionDiff {
    public static func changes(upper: String, layers: [String]) throws -> [UnionChange] {
        let lowers = Array(layers.reversed())
        var changes: [UnionChange] = []
        try walk(upper, relative: "", lowers: lowers, into: &changes)
        return changes
    }

    private static func walk(_ dir: String, relative: String, lowers: [String],
                             into changes: inout [UnionChange]) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
            let path = dir + "/" + name
            let inside = relative + "/" + name
            let below = OverlayEntry.visible(inside, in: lowers)
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let isDirectory = info.st_mode & S_IFMT == S_IFDIR
            if OverlayEntry.isWhiteout(path) {
                if below { changes.append(UnionChange(.deleted, inside)) }
            } else if isDirectory && below && OverlayEntry.isOpaque(path) {
                changes.append(UnionChange(.deleted, inside))
                try walk(path, relative: inside, lowers: [], into: &changes)
            } else {
                changes.append(UnionChange(below ? .changed : .added, inside))
                if isDirectory { try walk(path, relative: inside, lowers: lowers, into: &changes) }
            }
        }
    }
}
