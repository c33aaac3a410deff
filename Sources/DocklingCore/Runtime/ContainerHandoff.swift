/// What a store container's monitor makes, before the clone, for the container's first
/// process to take across it: its stdio ends, its way into its cgroup, and the pipe its
/// compiled seccomp filter will arrive on.
struct ContainerHandoff {
    let stdio: ContainerStdio
    let cgroup: CgroupEntry
    let seccomp: (read: Int32, write: Int32)?
}
