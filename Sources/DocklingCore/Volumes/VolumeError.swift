/// A volume command that cannot be done, worded as docker's daemon words it
/// (`remove data: volume is in use - [id]`); docker's CLI exits 1 for these.
public struct VolumeError: DocklingFailure {
    public let step = "volume"
    public let what: String
    public let exitCode: Int32 = 1

    public init(_ what: String) { self.what = what }

    /// docker words it `get NAME: no such volume`.
    static func noSuchVolume(_ name: String) -> VolumeError { VolumeError("get \(name): no such volume") }

    /// Without the step: docker's message is the whole line.
    public var description: String { what }
}
