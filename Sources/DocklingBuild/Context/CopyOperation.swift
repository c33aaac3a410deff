import DocklingCore

/// Where a COPY reads from: the build context, or an image's (or earlier stage's) files
/// for `COPY --from`.
public enum CopySource: Sendable {
    case context(BuildContext)
    case image(LayeredTree)
}

/// COPY or ADD, done into an empty folder that becomes the new layer's upper directory.
/// The folder only ever gains files (a COPY deletes nothing), so it needs none of
/// overlayfs's whiteouts; where it adds to a folder the image already has, the folder is
/// made here with the image's mode and owner, as overlayfs's copy-up would make it.
///
/// docker's rules: a folder source copies its *contents*; several sources (a wildcard
/// counts each match) need a destination ending in `/`; a destination ending in `/`, or
/// naming a folder the image has, is a folder; a relative destination is under WORKDIR;
/// missing parent folders are made (0755, root — or the `--chown` owner, as BuildKit
/// does); files keep their mode, symlinks and hard links; files from the context belong
/// to root unless `--chown` says otherwise, files from `--from` keep their owners.
public struct CopyOperation: Sendable {
    /// The instruction with its variables already substituted (`Instruction.expanded`),
    /// heredoc bodies included.
    public let instruction: CopyInstruction
    /// The stage's WORKDIR, which a relative destination is under.
    public let workdir: String

    public init(instruction: CopyInstruction, workdir: String) {
        self.instruction = instruction
        self.workdir = workdir
    }

    var command: String { instruction.isAdd ? "ADD" : "COPY" }

    /// Copies the instruction's sources from `source` into `layer`, with `base` (the
    /// image the step builds on) deciding what the destination already is, whose users
    /// `--chown` names, and where its symlinks lead. Nothing is ever written outside
    /// `layer`: every path is resolved inside the image first. On an error the folder may
    /// hold part of the copy: the caller discards it, as it discards a failed RUN's.
    /// Its errors are marked `duringCopy` (BuildKit's "failed to copy files").
    public func apply(from source: CopySource, onto base: LayeredTree, into layer: String) throws(ContextError) {
        do {
            try copy(from: source, onto: base, into: layer)
        } catch {
            var failure = error
            failure.duringCopy = true
            throw failure
        }
    }

    private func copy(from source: CopySource, onto base: LayeredTree, into layer: String) throws(ContextError) {
        try refuseUnsupportedFlags()
        let items = try self.items(from: source)
        let destination = instruction.destination
        if items.count > 1 && !destination.hasSuffix("/") {
            throw ContextError("When using \(command) with more than one source file, the destination must be a directory and end with a /",
                               hint: "write the destination as \(destination)/ to copy the \(items.count) sources into that folder")
        }
        let chown = try instruction.chown.map { spec throws(ContextError) in try base.lookUpUser(spec) }
        let chmod = try instruction.chmod.map { text throws(ContextError) in try FileModeChange(parsing: text) }
        var keepsOwners = false
        if case .image = source { keepsOwners = true }
        var folder = try LayerFolder(layer: layer, base: base,
                                     owner: chown ?? (keepsOwners ? nil : (0, 0)), chmod: chmod)
        let target = GoPath.clean(destination.hasPrefix("/") ? destination : workdir + "/" + destination)
        let last = GoPath.components(destination).last
        let isFolder = destination.hasSuffix("/") || last == "." || last == ".." || folder.isFolder(target)
        for item in items {
            switch item {
            case .heredoc(let heredoc):
                try folder.write(heredoc.content, to: isFolder ? target + "/" + heredoc.name : target)
            case .path(let tree, let selected, let ignore):
                guard let top = tree.entry(try tree.resolve(selected.path)) else {
                    throw ContextError("\"/\(selected.path)\": not found", hint: "it disappeared while the build was copying")
                }
                if top.isDirectory {
                    try folder.copyContents(of: top, in: tree, ignore: ignore, to: target)
                } else if instruction.isAdd, case .context = source, top.isRegularFile,
                          try folder.unpackIfArchive(top.host, named: selected.path, to: target) {
                    continue
                } else {
                    try folder.copy(top, to: isFolder ? target + "/" + GoPath.components(selected.path).last! : target)
                }
            }
        }
        try folder.finish()
    }
}
