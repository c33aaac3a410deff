import DocklingCore

extension LayeredTree {
    /// Linux's limit on symlinks followed in one lookup (MAXSYMLINKS).
    static let maximumLinks = 40

    /// The names from the root down to `path`, each symlink on the way followed the way a
    /// container would follow it: the tree's root is `/`, and `..` stops there — so no
    /// link in an image or a context can lead out of it. `followingLast: false` leaves
    /// a link at the very end as it is. Names that do not exist are kept as written.
    func resolve(_ path: String, followingLast: Bool = true) throws(ContextError) -> [String] {
        var resolved: [String] = []
        var pending = GoPath.components(path)[...]
        var links = 0
        while let name = pending.popFirst() {
            if name.utf8.elementsEqual(".".utf8) { continue }
            if name.utf8.elementsEqual("..".utf8) {
                _ = resolved.popLast()
                continue
            }
            let candidate = resolved + [name]
            guard followingLast || !pending.isEmpty, let found = entry(candidate), found.isSymlink else {
                resolved = candidate
                continue
            }
            links += 1
            guard links <= Self.maximumLinks, let target = DocklingCore.Path.readLink(found.host) else {
                throw ContextError("/\(path) leads through too many symlinks (a loop at /\(found.path))",
                                   hint: "fix the links, or name the file by its real path")
            }
            // An absolute target starts again at the tree's root, never the host's.
            if target.utf8.first == UInt8(ascii: "/") { resolved = [] }
            pending = (GoPath.components(target) + pending)[...]
        }
        return resolved
    }
}
