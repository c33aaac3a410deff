// Reading the mount table for cgroup filesystems, as proc(5) documents /proc/self/mountinfo:
//   36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
//   (1)(2)(3)   (4)   (5)      (6)      (7)   (8) (9)   (10)         (11)
// (4) is the root of the mount inside its filesystem, (5) the mount point, (9) the type
// and (11) the super options, which for a v1 cgroup mount name its controllers.

extension CgroupMount {
    /// The v1 controllers the kernel knows. Other super options (`rw`, `name=systemd`,
    /// `clone_children`…) are not controllers.
    static let knownV1Controllers: Set<String> = [
        "cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "net_cls", "net_prio",
        "blkio", "perf_event", "hugetlb", "pids", "rdma", "misc",
    ]

    /// Every cgroup and cgroup2 mount in `mountinfo`, in the order the kernel lists them.
    public static func parse(mountinfo: String) -> [CgroupMount] {
        mountinfo.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard let dash = fields.firstIndex(of: "-"), dash >= 6, fields.count >= dash + 4 else {
                return nil
            }
            let root = unescape(fields[3])
            let mountPoint = unescape(fields[4])
            switch fields[dash + 1] {
            case "cgroup2":
                return CgroupMount(version: .v2, mountPoint: mountPoint, root: root, controllers: [])
            case "cgroup":
                let controllers = fields[dash + 3].split(separator: ",").map(String.init)
                    .filter(knownV1Controllers.contains)
                return CgroupMount(version: .v1, mountPoint: mountPoint, root: root,
                                   controllers: controllers)
            default:
                return nil
            }
        }
    }

    /// mountinfo writes space, tab, newline and backslash in paths as octal escapes (`\040`).
    static func unescape(_ field: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(field.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "\\"), utf8.count >= 3,
               let code = UInt8(String(decoding: utf8.prefix(3), as: UTF8.self), radix: 8) {
                bytes.append(code)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
