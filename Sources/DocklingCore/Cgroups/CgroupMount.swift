/// A mounted cgroup filesystem, as one line of /proc/self/mountinfo describes it.
public struct CgroupMount: Equatable, Sendable {
    public var version: CgroupVersion
    /// Where the hierarchy is mounted, such as `/sys/fs/cgroup/memory`.
    public var mountPoint: String
    /// The cgroup that appears at the mount point: `/` unless the mount is a bind mount
    /// of a sub-tree or was made inside a cgroup namespace.
    public var root: String
    /// v1: the controllers bound to this hierarchy. v2: empty, because a v2 cgroup lists
    /// its controllers in its own `cgroup.controllers` file.
    public var controllers: [String]

    public init(version: CgroupVersion, mountPoint: String, root: String, controllers: [String]) {
        self.version = version
        self.mountPoint = mountPoint
        self.root = root
        self.controllers = controllers
    }

    /// The directory of the cgroup `path` (as /proc/self/cgroup spells it) under this
    /// mount; nil when that cgroup lies outside the part of the tree mounted here.
    public func directory(of path: String) -> String? {
        guard let relative = Path.relative(path, under: root) else { return nil }
        return relative.isEmpty ? mountPoint : mountPoint + "/" + relative
    }
}
