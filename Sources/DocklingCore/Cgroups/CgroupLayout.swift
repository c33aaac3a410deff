/// How this machine lays out its cgroups, seen from the calling process: which version
/// owns each controller, and where the caller's own cgroup sits in each hierarchy.
public struct CgroupLayout: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// Only the unified v2 hierarchy (most distributions since 2021).
        case v2Only = "cgroup v2 only (unified)"
        /// Only v1 hierarchies, one per controller.
        case v1Only = "cgroup v1 only (legacy)"
        /// v1 hierarchies hold the controllers; a v2 mount sits beside them.
        case hybrid = "hybrid (v1 controllers beside a v2 mount)"
    }

    public var kind: Kind
    /// For each controller bound to a v1 hierarchy: the caller's cgroup directory there.
    public var v1Directories: [CgroupController: String]
    /// The caller's cgroup directory in the v2 hierarchy, when one is mounted.
    public var v2Directory: String?
    /// The controllers the v2 hierarchy offers the caller's cgroup (its `cgroup.controllers`).
    public var v2Controllers: Set<String>

    public init(kind: Kind, v1Directories: [CgroupController: String], v2Directory: String?,
                v2Controllers: Set<String>) {
        self.kind = kind
        self.v1Directories = v1Directories
        self.v2Directory = v2Directory
        self.v2Controllers = v2Controllers
    }

    /// The version that owns `controller` here: the v1 hierarchy that binds it, else the v2
    /// hierarchy when it offers it. A controller can be active in only one of the two.
    public func owner(of controller: CgroupController) -> CgroupVersion? {
        if v1Directories[controller] != nil { return .v1 }
        guard v2Directory != nil else { return nil }
        if let name = controller.v2Name, !v2Controllers.contains(name) { return nil }
        return .v2
    }
}
