extension LayeredTree {
    /// A name found under a folder being copied or hashed.
    struct WalkItem {
        /// Its path below the folder: `lib/util.c`.
        var relative: String
        var entry: Entry
    }

    /// Everything below `folder`, parents before their contents, names in byte order (so
    /// a content key never depends on the order a folder lists its entries in). What
    /// `ignore` excludes is left out; an excluded folder is still looked into when an
    /// exception might let something in it back in, and kept only if something was.
    /// Sockets are left out too (`Entry.isSocket`).
    func walk(_ folder: Entry, ignore: IgnoreRules) -> [WalkItem] {
        var items: [WalkItem] = []
        if folder.isDirectory { visit(GoPath.components(folder.path), relative: "", ignore: ignore, into: &items) }
        return items
    }

    private func visit(_ names: [String], relative: String, ignore: IgnoreRules, into items: inout [WalkItem]) {
        let entries = children(names) ?? [:]
        for name in entries.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let child = entries[name]!
            if child.isSocket { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            let excluded = ignore.exclusion(of: child.path) != nil
            if child.isDirectory {
                if excluded && !ignore.hasExceptions { continue }
                var inside: [WalkItem] = []
                visit(names + [name], relative: path, ignore: ignore, into: &inside)
                if !excluded || !inside.isEmpty {
                    items.append(WalkItem(relative: path, entry: child))
                    items += inside
                }
            } else if !excluded {
                items.append(WalkItem(relative: path, entry: child))
            }
        }
    }
}
