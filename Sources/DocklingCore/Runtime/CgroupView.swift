/// The container's own cgroups at /sys/fs/cgroup, read-only, as docker shows them: so
/// that `cat /sys/fs/cgroup/memory.max` (cgroup v2) or
/// `cat /sys/fs/cgroup/memory/memory.limit_in_bytes` (v1) reads the limits from inside.
///
/// The container's first process made its cgroup namespace right after joining its
/// cgroups, so a cgroup filesystem it mounts has the container's cgroup as its root:
/// the container sees its own cgroup, never the host's tree above it. runc does the same
/// for containers with a cgroup namespace: cgroup2 straight onto /sys/fs/cgroup on a v2
/// machine; on v1 (and hybrid) machines a tmpfs there holding one mount per hierarchy,
/// named as on the host (`memory`, `cpu,cpuacct`, `unified`…).
struct CgroupView {
    /// `/sys/fs/cgroup` inside the container's root, before pivot_root.
    let target: String
    /// `--privileged` containers get them writable, as in docker.
    let writable: Bool

    func mount() throws {
        let table = try? MountTable.current()
        let hierarchies = Self.hostHierarchies(in: table)
        let flags: MountFlags = writable ? [.noSUID, .noDev, .noExec] : [.readOnly, .noSUID, .noDev, .noExec]
        if hierarchies.contains(where: { $0.type == "cgroup2" && $0.mountPoint == Self.hostRoot }) {
            // With --network host, /sys is the host's, bound with everything mounted in
            // it: the kernel refuses to mount cgroup2 right on top of cgroup2 (EBUSY).
            if table?.top(at: target)?.type == "cgroup2" {
                try Kernel.umount2(target, detach: true,
                                   note: "the host's cgroup tree came with its /sys: ours goes in its place")
            }
            try Kernel.mount(source: "cgroup2", target: target, type: "cgroup2", flags: flags,
                             note: "cgroup v2 with our cgroup as its root: the container reads its own limits here")
            return
        }
        guard !hierarchies.isEmpty else { return }
        try Kernel.mount(source: "tmpfs", target: target, type: "tmpfs", flags: [.noSUID, .noDev, .noExec],
                         data: "mode=755", note: "cgroup v1 has one tree per controller: a folder in memory to hold them")
        for hierarchy in hierarchies {
            let name = String(hierarchy.mountPoint.dropFirst(Self.hostRoot.count + 1))
            let point = target + "/" + name
            try Kernel.mkdir(point, note: "where the host has its \(name) hierarchy")
            if hierarchy.type == "cgroup2" {
                try Kernel.mount(source: "cgroup2", target: point, type: "cgroup2", flags: flags,
                                 note: "the v2 tree beside the v1 ones, as on the host, our cgroup at its root")
            } else {
                try Kernel.mount(source: "cgroup", target: point, type: "cgroup", flags: flags,
                                 data: Self.hierarchyOptions(hierarchy.superOptions),
                                 note: "the \(name) hierarchy, our cgroup at its root (the cgroup namespace)")
            }
        }
        if !writable {
            try Kernel.mount(source: nil, target: target, type: nil,
                             flags: [.remount, .readOnly, .noSUID, .noDev, .noExec], data: "mode=755",
                             note: "nothing may be added beside the hierarchies: the folder becomes read-only")
        }
    }

    static let hostRoot = "/sys/fs/cgroup"

    /// The cgroup filesystems mounted at /sys/fs/cgroup or in a folder right under it on
    /// the host, one per mount point.
    static func hostHierarchies(in table: MountTable?) -> [MountTable.Entry] {
        guard let table else { return [] }
        var seen = Set<String>()
        return table.entries.filter { entry in
            (entry.type == "cgroup" || entry.type == "cgroup2")
                && (entry.mountPoint == hostRoot
                    || (entry.mountPoint.hasPrefix(hostRoot + "/") && !entry.mountPoint.dropFirst(hostRoot.count + 1).contains("/")))
                && seen.insert(entry.mountPoint).inserted
        }
    }

    /// What names a v1 hierarchy when it is mounted again: its controllers and its
    /// `name=` (systemd's), not options such as `rw` or `clone_children`.
    static func hierarchyOptions(_ superOptions: String) -> String {
        superOptions.split(separator: ",").filter { option in
            CgroupMount.knownV1Controllers.contains(String(option)) || option.hasPrefix("name=")
        }.joined(separator: ",")
    }
}
