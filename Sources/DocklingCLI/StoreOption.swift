import ArgumentParser
import DocklingCore

/// `--root DIR`: where dockling keeps its state (else DOCKLING_ROOT, else /var/lib/dockling).
public struct StoreOption: ParsableArguments {
    @Option(name: .customLong("root"), help: ArgumentHelp("dockling's state folder.", valueName: "dir"))
    public var path: String?

    public init() {}

    public var root: StoreRoot { StoreRoot.resolve(option: path) }
}
