import ArgumentParser

/// Lesson 03: a container's filesystem is the image's layers, read-only, under one
/// writable layer. Mount that stack, change things, and see where the changes land.
struct UnionTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dockling-union",
        abstract: "Stack an image's layers under a writable directory with overlayfs.",
        discussion: "Reads fall through to the highest layer that has the file; a write copies "
            + "the file up into the upper directory first; a delete leaves a whiteout there.",
        subcommands: [Mount.self, Diff.self, Umount.self])
}
