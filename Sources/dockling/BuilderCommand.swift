import ArgumentParser
import DocklingCLI
import DocklingCore

/// `dockling builder prune`: docker's command for the build cache.
struct BuilderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "builder", abstract: "Manage the build cache.",
                                                    subcommands: [Prune.self])

    /// The cache's records (which step made which image) and `RUN --mount=type=cache`
    /// folders go, then the step images and layers only they kept. Every build after it
    /// runs every step again. docker's plain `builder prune` keeps the cache that tagged
    /// images use ("dangling" only) and `-a` takes all; dockling's always takes all — so its
    /// prompt says so. What a running build uses stays (`BuildCacheRoots.removeAll`).
    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "prune", abstract: "Remove the build cache.")

        @Flag(name: [.short, .customLong("all")], help: "Remove all build cache: the same as without it (dockling always removes all).")
        var all = false
        @Flag(name: [.short, .customLong("force")], help: "Do not prompt for confirmation.") var force = false
        @OptionGroup var store: StoreOption
        @OptionGroup var trace: TraceOption

        func run() throws {
            try trace.apply()
            guard force || Confirmation.ask("WARNING! This will remove all build cache.") else { return }
            Tracer.shared.step = "build"
            let report = try SystemPrune(root: store.root).buildCache()
            // Records and cache mounts by name: `key-<hex>.json` → `key-<hex>`.
            let names = report.buildCache.map { $0.split(separator: ".").first.map(String.init) ?? $0 }
            PruneReport.show("Deleted build cache objects:", names, bytes: report.bytes)
        }
    }
}
