/// What a store container's monitor makes, before the clone, for the container's first
/// process to take across it: its stdio ends, its way into its cgroup, and its network
/// namespace if made ahead.
struct ContainerHandoff {
    let stdio: ContainerStdio
    let cgroup: CgroupEntry
    let network: Int32?
}
