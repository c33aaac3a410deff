import DocklingCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The files of an image as its layers stack them, read straight from the unpacked layer
/// folders (`layers/<diff id>`), without mounting anything.
///
/// dockling keeps unpacked layers in overlayfs's spelling (see `LayerExtractor+Whiteouts`):
/// a deleted file is a 0:0 character device, a folder whose lower contents are hidden has
/// `trusted.overlay.opaque=y`. Looking a path up here is what overlayfs does on a lookup:
/// the topmost layer that has the name, or hides it, decides.
///
/// A build context is a tree of one layer, so `BuildContext` reads through this type too.
public struct LayeredTree: Sendable {
    /// The layer folders, bottom layer first (as `ImageStore.layerDirectories` lists them).
    public let layers: [String]

    public init(layers: [String]) {
        self.layers = layers
    }

    /// One name of the merged tree: where its bytes are and what `lstat` says of it.
    struct Entry {
        /// The path inside the tree, without a leading `/` (empty for the root).
        var path: String
        /// The file in the topmost layer that has it.
        var host: String
        var info: stat

        var isDirectory: Bool { info.st_mode & S_IFMT == S_IFDIR }
        var isSymlink: Bool { info.st_mode & S_IFMT == S_IFLNK }
        var isRegularFile: Bool { info.st_mode & S_IFMT == S_IFREG }
        /// A Unix socket: no COPY sees one, as docker's context tar skips them (git's
        /// fsmonitor leaves one in `.git/`); `select` and `walk` leave them out.
        var isSocket: Bool { info.st_mode & S_IFMT == S_IFSOCK }
    }

    /// What one layer says about a path.
    private enum Probe {
        /// The layer has it.
        case found(Entry)
        /// The layer does not have it; `hidesBelow` when an opaque folder on the way hides
        /// the lower layers' copies too.
        case missing(hidesBelow: Bool)
        /// The layer deletes it: a whiteout, or a non-folder where the path needs a folder.
        case deleted
    }

    private func probe(_ layer: String, _ names: [String]) -> Probe {
        var here = layer
        var hidesBelow = false
        for (index, name) in names.enumerated() {
            here += "/" + name
            guard let info = FileIO.lstat(here) else { return .missing(hidesBelow: hidesBelow) }
            if OverlayEntry.isWhiteout(info) { return .deleted }
            if index == names.count - 1 {
                return .found(Entry(path: names.joined(separator: "/"), host: here, info: info))
            }
            guard info.st_mode & S_IFMT == S_IFDIR else { return .deleted }
            hidesBelow = hidesBelow || OverlayEntry.isOpaque(here)
        }
        return FileIO.lstat(layer).map { .found(Entry(path: "", host: layer, info: $0)) } ?? .missing(hidesBelow: false)
    }

    /// The entry at `names` (no symlink among them followed), or nil when the stack does not have it.
    func entry(_ names: [String]) -> Entry? {
        for layer in layers.reversed() {
            switch probe(layer, names) {
            case .found(let entry): return entry
            case .deleted: return nil
            case .missing(let hidesBelow): if hidesBelow { return nil }
            }
        }
        return nil
    }

    /// The entries of the folder at `names`, by name, merged over the layers; nil when it
    /// is not a folder. Lower layers add the names upper ones lack, until a layer deletes
    /// the folder, replaces it with a file, or marks it opaque.
    func children(_ names: [String]) -> [String: Entry]? {
        var result: [String: Entry] = [:]
        var seen: Set<String> = []
        var isFolder = false
        layers: for layer in layers.reversed() {
            switch probe(layer, names) {
            case .deleted:
                break layers
            case .missing(let hidesBelow):
                if hidesBelow { break layers }
            case .found(let folder):
                guard folder.isDirectory else { break layers }
                isFolder = true
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.host)) ?? []
                where seen.insert(name).inserted {
                    let host = folder.host + "/" + name
                    guard let info = FileIO.lstat(host), !OverlayEntry.isWhiteout(info) else { continue }
                    result[name] = Entry(path: (names + [name]).joined(separator: "/"), host: host, info: info)
                }
                if OverlayEntry.isOpaque(folder.host) { break layers }
            }
        }
        return isFolder ? result : nil
    }
}
