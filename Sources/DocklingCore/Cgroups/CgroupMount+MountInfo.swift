// The cgroup filesystems in the mount table (MountTable): for a v1 cgroup mount, the
// super options name its controllers.

extension CgroupMount {
    /// The v1 controllers the kernel knows. Other super options (`rw`, `name=systemd`,
    /// `clone_children`…) are not controllers.
    static let knownV1Controllers: Set<String> = [
        "cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "net_cls", "net_prio",
        "blkio", "perf_event", "hugetlb", "pids", "rdma", "misc",
    ]

    /// Every cgroup and cgroup2 mount in `mountinfo`, in the order the kernel lists them.
    public static func parse(mountinfo: String) -> [CgroupMount] {
        MountTable(mountinfo: mountinfo).entries.compactMap { entry in
            switch entry.type {
            case "cgroup2":
                return CgroupMount(version: .v2, mountPoint: entry.mountPoint, root: entry.root, controllers: [])
            case "cgroup":
                let controllers = entry.superOptions.fields(separatedBy: ",").filter(knownV1Controllers.contains)
                return CgroupMount(version: .v1, mountPoint: entry.mountPoint, root: entry.root,
                                   controllers: controllers)
            default:
                return nil
            }
        }
    }
}
