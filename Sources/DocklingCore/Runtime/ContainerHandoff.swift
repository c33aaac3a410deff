/// What a store container's monitor makes, before the clone, for the container's first
/// process to take across it: its stdio ends, its way into its cgroup, its network
/// namespace if made ahead, and its union if built over idmapped layers.
struct ContainerHandoff {
    let stdio: ContainerStdio
    let cgroup: CgroupEntry
    let network: Int32?
    let union: Int32?
    /// The container makes its cgroup namespace itself, once it has joined its cgroup,
    /// so that its own cgroup is the root it sees (as docker's containers do).
    let makesCgroupNamespace: Bool

    /// The namespaces the clone leaves out: the container makes or enters them itself.
    var notCloned: [NamespaceKind] {
        (makesCgroupNamespace ? [.cgroup] : []) + (network != nil ? [.net] : [])
    }
}
