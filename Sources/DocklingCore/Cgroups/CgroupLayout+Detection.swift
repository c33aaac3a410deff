// Finding the layout from what the kernel publishes: the mount table says which cgroup
// filesystems exist, /proc/self/cgroup says where this process is in each of them.

extension CgroupLayout {
    /// The layout as the calling process sees it now.
    public static func detect() throws -> CgroupLayout {
        do {
            let mountinfo = try Kernel.readFile("/proc/self/mountinfo")
            let membership = try Kernel.readFile("/proc/self/cgroup")
            return try CgroupLayout(mountinfo: mountinfo, procSelfCgroup: membership) { path in
                try? Kernel.readFile(path)
            }
        } catch let error as KernelError {
            throw CgroupError("cannot read where this process stands", error,
                              hint: "is /proc mounted?")
        }
    }

    /// Builds the layout from the text of /proc/self/mountinfo and /proc/self/cgroup.
    /// `readFile` reads the v2 cgroup's `cgroup.controllers` (tests pass a fake).
    public init(mountinfo: String, procSelfCgroup: String,
                readFile: (String) -> String?) throws(CgroupError) {
        let mounts = CgroupMount.parse(mountinfo: mountinfo)
        let memberships = CgroupMembership.parse(procSelfCgroup)
        var v1: [CgroupController: String] = [:]
        for mount in mounts where mount.version == .v1 && !mount.controllers.isEmpty {
            guard let member = memberships.first(where: { !Set($0.controllers).isDisjoint(with: mount.controllers) }),
                  let directory = mount.directory(of: member.path) else { continue }
            for name in mount.controllers {
                if let controller = CgroupController(rawValue: name), v1[controller] == nil {
                    v1[controller] = directory
                }
            }
        }
        var v2Directory: String?
        if let mount = mounts.first(where: { $0.version == .v2 }),
           let member = memberships.first(where: \.isV2) {
            v2Directory = mount.directory(of: member.path)
        }
        let v2Controllers = v2Directory
            .flatMap { readFile($0 + "/cgroup.controllers") }
            .map { Set($0.split(whereSeparator: \.isWhitespace).map(String.init)) } ?? []
        let kind: Kind
        switch (v1.isEmpty, v2Directory == nil) {
        case (true, false): kind = .v2Only
        case (false, true): kind = .v1Only
        case (false, false): kind = .hybrid
        case (true, true):
            throw CgroupError("no cgroup filesystem is mounted where this process can see it",
                              hint: "mount one: mount -t cgroup2 none /sys/fs/cgroup")
        }
        self.init(kind: kind, v1Directories: v1, v2Directory: v2Directory, v2Controllers: v2Controllers)
    }
}
