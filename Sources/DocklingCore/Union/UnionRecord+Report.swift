extension UnionRecord {
    /// What `dockling-union mount` prints: the stack as overlayfs sees it, top first —
    /// the upper directory, then the layers from the newest down to the base — and the
    /// work directory beside it. The path is the last word of each line, so a shell can
    /// pick it out (`awk '$1 == "upper" { print $NF }'`).
    public func report(mountedAs dir: String) -> String {
        let count = union.layers.count
        var lines = ["mounted \(image) at \(dir): \(count) read-only layer\(count == 1 ? "" : "s") "
                     + "under one writable directory, top first"]
        lines.append(row("upper", createdUpper ? "read-write" : "read-write, yours", union.upper))
        for (index, layer) in union.layers.enumerated().reversed() {
            lines.append(row("layer \(index + 1)", "read-only", layer))
        }
        lines.append(row("work", "scratch", union.work))
        return lines.joined(separator: "\n")
    }

    private func row(_ name: String, _ role: String, _ path: String) -> String {
        let widest = "layer \(union.layers.count)".count
        return "  " + name.padding(to: widest + 2) + role.padding(to: 19) + path
    }
}
