import ArgumentParser
import DocklingCore

/// `--root DIR`, shared by every command that uses the store: where dockling keeps its
/// state (else DOCKLING_ROOT, else /var/lib/dockling).
public struct StoreOption: ParsableArguments {
    @Option(name: .customLong("root"), help: ArgumentHelp("Keep images and containers under DIR.", valueName: "dir"))
    public var path: String?

    public init() {}

    public var root: StoreRoot {
        let root = StoreRoot.resolve(option: path)
        // The trace's view shows the paths beneath it as <store>/….
        if Tracer.shared.isOn { Tracer.shared.storeRoot = root.path }
        return root
    }

    /// The image store at that root.
    public func imageStore() -> ImageStore { ImageStore(root: root) }
}
