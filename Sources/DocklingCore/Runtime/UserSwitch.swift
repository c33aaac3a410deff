#if canImport(Glibc)
import Glibc
#endif

/// `-u USER[:GROUP]`: ids looked up in the container's own /etc/passwd and /etc/group,
/// after pivot_root, as docker does (names mean what the image says they mean).
struct UserSwitch {
    let uid: uid_t
    let gid: gid_t
    let groups: [gid_t]

    static func resolve(_ text: String, passwd: String? = nil, group: String? = nil) throws -> UserSwitch {
        let users = table(passwd ?? (try? Kernel.readFile("/etc/passwd")) ?? "")
        let groupsTable = table(group ?? (try? Kernel.readFile("/etc/group")) ?? "")
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let entry = users.first { $0[0] == parts[0] || $0[2] == parts[0] }
        guard let uid = entry.flatMap({ uid_t($0[2]) }) ?? uid_t(parts[0]) else {
            throw UsageError(step: "user", "unable to find user \(parts[0]): no matching entries in passwd file")
        }
        var gid = entry.flatMap { gid_t($0[3]) } ?? 0
        if parts.count == 2 {
            guard let found = groupsTable.first(where: { $0[0] == parts[1] || $0[2] == parts[1] })
                .flatMap({ gid_t($0[2]) }) ?? gid_t(parts[1]) else {
                throw UsageError(step: "user", "unable to find group \(parts[1]): no matching entries in group file")
            }
            gid = found
        }
        let name = entry?[0]
        let extra = groupsTable.filter { row in
            row.count > 3 && name != nil && row[3].split(separator: ",").contains { $0 == name! }
        }.compactMap { gid_t($0[2]) }
        return UserSwitch(uid: uid, gid: gid, groups: [gid] + extra.filter { $0 != gid })
    }

    func apply() throws {
        Tracer.shared.step = "user"
        try Kernel.setgroups(groups, note: "the user's groups, from the container's /etc/group")
        try Kernel.setresgid(gid, note: "run the command as group \(gid)")
        try Kernel.setresuid(uid, note: "run the command as user \(uid); root's powers end here")
    }

    /// Rows of a colon-separated file with at least four fields.
    private static func table(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ":", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.count >= 4 }
    }
}
