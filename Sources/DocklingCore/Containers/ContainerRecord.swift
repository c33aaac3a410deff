/// One container as the store holds it: what it is, and what it is doing.
public struct ContainerRecord: Sendable {
    public var config: ContainerConfig
    public var state: ContainerState
    /// `containers/<id>`.
    public var directory: String
    /// Its state said running, but its monitor is gone: killed before it could record
    /// the end or remove the container's cgroups.
    public var monitorKilled = false

    public var id: String { config.id }
    public var upper: String { directory + "/upper" }
    public var work: String { directory + "/work" }
    /// Where the union is mounted, inside the container's own mount namespace.
    public var merged: String { directory + "/merged" }
    public var log: String { directory + "/" + Self.logFile }
    /// The json-file log of the container's output, in its folder.
    static let logFile = "container.log"

    /// The union for this container: the image's layers under its own upper directory.
    public var union: UnionLayout { UnionLayout(layers: config.layers, upper: upper, work: work) }
}
