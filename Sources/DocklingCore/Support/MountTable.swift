// The mounts this process sees, as proc(5) documents /proc/self/mountinfo:
//   36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
//   (1)(2)(3)   (4)   (5)      (6)      (7)   (8) (9)   (10)         (11)
// (4) is the root of the mount inside its filesystem, (5) the mount point, (9) the
// filesystem type and (11) the super options.

/// The mount table: read to refuse a directory that is already a mount point, to make
/// sure that what `umount` takes down is an overlay, and to find the cgroup filesystems.
struct MountTable {
    struct Entry: Equatable {
        let root: String
        let mountPoint: String
        let type: String
        let superOptions: String
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

    /// Split as bytes: the kernel separates fields with single spaces and lines with
    /// newlines, and byte splitting skips Unicode's grapheme rules — whose tables cost a
    /// freshly started process more than all the rest of this.
    init(mountinfo: String) {
        entries = mountinfo.utf8.split(separator: UInt8(ascii: "\n")).compactMap { line in
            let fields = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
            guard let dash = fields.firstIndex(where: { $0.elementsEqual("-".utf8) }), dash >= 6,
                  fields.count > dash + 1 else { return nil }
            return Entry(root: Self.unescape(fields[3]), mountPoint: Self.unescape(fields[4]),
                         type: String(decoding: fields[dash + 1], as: UTF8.self),
                         superOptions: fields.count > dash + 3 ? String(decoding: fields[dash + 3], as: UTF8.self) : "")
        }
    }

    /// The mount that is visible at `path` (a real path), if something is mounted there.
    func top(at path: String) -> Entry? {
        entries.last { $0.mountPoint == path }
    }

    /// mountinfo writes space, tab, newline and backslash in paths as octal escapes (`\040`).
    static func unescape(_ field: Substring.UTF8View.SubSequence) -> String {
        var bytes: [UInt8] = []
        var rest = field
        while let byte = rest.popFirst() {
            if byte == UInt8(ascii: "\\"), rest.count >= 3,
               let code = UInt8(String(decoding: rest.prefix(3), as: UTF8.self), radix: 8) {
                bytes.append(code)
                rest = rest.dropFirst(3)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
