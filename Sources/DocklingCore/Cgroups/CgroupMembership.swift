/// One line of /proc/<pid>/cgroup: the cgroup a process is in, in one hierarchy.
///
///     4:memory:/process_api/bfc6474a     a v1 hierarchy: id, its controllers, the path
///     0::/user.slice/session-2.scope     the v2 hierarchy: id 0, no controller list
public struct CgroupMembership: Equatable, Sendable {
    public var hierarchyID: Int
    /// The v1 hierarchy's controllers (`cpu,cpuacct` gives two); empty for v2.
    public var controllers: [String]
    /// The cgroup's path from the hierarchy's root.
    public var path: String

    public init(hierarchyID: Int, controllers: [String], path: String) {
        self.hierarchyID = hierarchyID
        self.controllers = controllers
        self.path = path
    }

    public var isV2: Bool { hierarchyID == 0 && controllers.isEmpty }

    /// Every line of a /proc/<pid>/cgroup file.
    public static func parse(_ text: String) -> [CgroupMembership] {
        // As bytes, like the mount table (see MountTable).
        text.utf8.split(separator: UInt8(ascii: "\n")).compactMap { line in
            // The path may itself contain colons: split only at the first two.
            let parts = line.split(separator: UInt8(ascii: ":"), maxSplits: 2, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            guard parts.count == 3, let id = Int(parts[0]) else { return nil }
            return CgroupMembership(hierarchyID: id,
                                    controllers: parts[1].fields(separatedBy: ","),
                                    path: parts[2])
        }
    }
}
