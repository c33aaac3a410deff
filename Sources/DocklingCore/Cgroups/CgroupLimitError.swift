/// A limit that cannot be applied as written, refused before any cgroup exists.
public struct CgroupLimitError: DocklingFailure, Equatable {
    public let step = "cgroups"
    public let flag: CgroupLimitFlag
    public let value: String
    public let problem: String
    public let hint: String?

    public init(_ flag: CgroupLimitFlag, _ value: String, _ problem: String, hint: String? = nil) {
        self.flag = flag
        self.value = value
        self.problem = problem
        self.hint = hint
    }

    public var what: String { "\(flag.rawValue) \(value): \(problem)" }
}
