/// What interrupted commands left in a store (see `LeftoverScan`).
public struct Leftovers: Sendable, Equatable {
    /// Paths under tmp/ whose maker is gone: half-written blobs and layers, half-built
    /// root filesystems.
    public var scratch: [String]
    /// Paths of `.new-` and `.gone-` folders under containers/ that no one will finish.
    public var containerFolders: [String]
    /// Ids of the containers whose monitor was killed and whose cgroups are still there.
    public var crashedContainers: [String]

    public init(scratch: [String] = [], containerFolders: [String] = [], crashedContainers: [String] = []) {
        self.scratch = scratch
        self.containerFolders = containerFolders
        self.crashedContainers = crashedContainers
    }

    public var isEmpty: Bool { scratch.isEmpty && containerFolders.isEmpty && crashedContainers.isEmpty }

    /// Counts by kind, the empty ones left out: "2 scratch files, cgroups of 1 crashed container".
    public var summary: String {
        [(scratch.count, "", "scratch file"), (containerFolders.count, "", "unfinished container folder"),
         (crashedContainers.count, "cgroups of ", "crashed container")]
            .filter { $0.0 > 0 }
            .map { count, lead, noun in "\(lead)\(count) \(noun)\(count == 1 ? "" : "s")" }
            .joined(separator: ", ")
    }
}
