// The mounts this process sees, as proc(5) documents /proc/self/mountinfo:
//   36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
//   (1)(2)(3)   (4)   (5)      (6)      (7)   (8) (9)   (10)         (11)
// (5) is the mount point and (9) the filesystem type.

/// The mount table, read to refuse a directory that is already a mount point and to
/// make sure that what `umount` takes down is an overlay.
struct MountTable {
    struct Entry: Equatable {
        let mountPoint: String
        let type: String
    }

    /// In the kernel's order: a later mount on the same point covers an earlier one.
    let entries: [Entry]

    static func current() throws -> MountTable {
        do {
            return MountTable(mountinfo: try Kernel.readFile("/proc/self/mountinfo"))
        } catch {
            throw StepError(step: "union", error, hint: "the mount table is read from /proc: is /proc mounted?")
        }
    }

    init(mountinfo: String) {
        entries = mountinfo.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard let dash = fields.firstIndex(of: "-"), dash >= 6, fields.count > dash + 1 else { return nil }
            return Entry(mountPoint: CgroupMount.unescape(fields[4]), type: String(fields[dash + 1]))
        }
    }

    /// The mount that is visible at `path` (a real path), if something is mounted there.
    func top(at path: String) -> Entry? {
        entries.last { $0.mountPoint == path }
    }
}
