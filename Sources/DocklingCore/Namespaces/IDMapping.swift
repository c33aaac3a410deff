/// One line of /proc/PID/uid_map or gid_map: ids `inside..<inside+count` in the
/// namespace are ids `outside..<outside+count` on the host.
public struct IDMapping: Codable, Sendable, Equatable {
    public var inside: UInt32
    public var outside: UInt32
    public var count: UInt32

    public init(inside: UInt32, outside: UInt32, count: UInt32) {
        self.inside = inside
        self.outside = outside
        self.count = count
    }

    /// dockling's default: container root is host uid 100000, and the 65536 ids
    /// above it belong to the container, none of them privileged on the host.
    public static let unprivileged = IDMapping(inside: 0, outside: 100_000, count: 65_536)

    /// The text the kernel expects in uid_map: `0 100000 65536\n`.
    public var mapFileLine: String { "\(inside) \(outside) \(count)\n" }

    /// Writes the maps of process `pid`; only the parent namespace can do this.
    public func apply(toProcess pid: Int32) throws(KernelError) {
        try Kernel.writeFile("/proc/\(pid)/uid_map", mapFileLine,
                             note: "map container uid \(inside) to host uid \(outside) (\(count) ids)")
        try Kernel.writeFile("/proc/\(pid)/gid_map", mapFileLine,
                             note: "map container gid \(inside) to host gid \(outside) (\(count) ids)")
    }
}
