import ArgumentParser
import DocklingCore

/// `--root DIR`, shared by every command that uses the store (else `DOCKLING_ROOT`,
/// else /var/lib/dockling).
public struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("root"), help: ArgumentHelp("Keep images and containers under DIR.", valueName: "dir"))
    public var root: String?

    public init() {}

    public var storeRoot: StoreRoot { StoreRoot.resolve(option: root) }

    /// The image store at that root.
    public func imageStore() -> ImageStore { ImageStore(root: storeRoot) }
}
