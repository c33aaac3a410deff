#if canImport(Glibc)
import Glibc
#endif

/// Mounting and unmounting the union of an image's layers.
public enum OverlayMount {
    /// Mounts `layout` at `target`. When absolute paths would pass the kernel's
    /// one-page limit on options (images with many layers), each layer gets a short
    /// symlink `l/N` beside the work directory, and the mount is made from there with
    /// those short relative paths — the trick docker's overlay2 driver uses.
    public static func mount(_ layout: UnionLayout, at target: String, volatile: Bool = false) throws {
        Tracer.shared.step = "union"
        let absolute = OverlayOptions.string(lowerdirs: layout.lowerdirOrder, upper: layout.upper, work: layout.work,
                                             volatile: volatile)
        if absolute.utf8.count <= OverlayOptions.limit {
            let layers = layout.layers.count == 1 ? "1 read-only layer" : "\(layout.layers.count) read-only layers"
            try Kernel.mount(source: "overlay", target: target, type: "overlay", data: absolute,
                             note: "stack \(layers) under one writable directory")
            return
        }
        let base = Path.parent(of: layout.work)
        try linkShortNames(layout.layers, in: base + "/l")
        let upper = Path.relative(layout.upper, under: base) ?? layout.upper
        let short = OverlayOptions.string(lowerdirs: layout.layers.indices.reversed().map { "l/\($0 + 1)" },
                                          upper: upper, work: Path.base(of: layout.work), volatile: volatile)
        guard short.utf8.count <= OverlayOptions.limit else {
            throw UsageError(step: "union", "\(layout.layers.count) layers do not fit in one overlay mount's options",
                             hint: "overlayfs reads one page of options; keep images under about 500 layers")
        }
        let saved = Path.currentDirectory()
        try Kernel.chdir(base, note: "the short layer names are relative to this folder")
        defer { _ = try? Kernel.chdir(saved, note: "back to where we were") }
        try Kernel.mount(source: "overlay", target: target, type: "overlay", data: short,
                         note: "stack \(layout.layers.count) read-only layers (l/N are links to them)")
    }

    /// Unmounts the union at `target`.
    public static func unmount(_ target: String) throws(KernelError) {
        Tracer.shared.step = "union"
        try Kernel.umount2(target, detach: false,
                           note: "take the union down: the merged view goes, the directories it stacked stay on disk")
    }

    /// `l/N` is a symlink to layer N (1 is the bottom). A union mounted again from the
    /// same folder — a container that starts again — keeps the links that are still right.
    private static func linkShortNames(_ layers: [String], in folder: String) throws(KernelError) {
        if access(folder, F_OK) != 0 {
            try Kernel.mkdir(folder, note: "short names for the layers, to fit the mount options in one page")
        }
        for (index, layer) in layers.enumerated() {
            let link = "\(folder)/\(index + 1)"
            let existing = Path.readLink(link)
            if existing == layer { continue }
            if existing != nil { try Kernel.unlink(link, note: "l/\(index + 1) names another layer: replace it") }
            try Kernel.symlink(layer, at: link, note: "layer \(index + 1) of \(layers.count) is l/\(index + 1)")
        }
    }
}
