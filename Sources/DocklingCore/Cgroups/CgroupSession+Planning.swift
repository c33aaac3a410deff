#if canImport(Glibc)
import Glibc
#endif

// Deciding, before anything is created, which controllers the run needs and which
// driver owns each on this machine's layout.

extension CgroupSession {
    /// Creates the session on a given layout and kernel (the host's, or a fake tree in tests).
    static func create(name: String, limits: CgroupLimits, layout: CgroupLayout,
                       kernel: any CgroupKernel, callerPID: pid_t) throws -> CgroupSession {
        let cgroupName = try Self.cgroupName(for: name)
        let drivers = try plan(limits: limits, layout: layout, cgroupName: cgroupName,
                               kernel: kernel, callerPID: callerPID)
        Tracer.shared.say("cgroup layout: \(layout.kind.rawValue); "
            + drivers.map { "\($0.version.rawValue) holds \($0.controllers.map(\.rawValue).joined(separator: ", "))" }
                .joined(separator: "; "))
        let session = CgroupSession(drivers: drivers)
        do {
            for driver in drivers { try driver.create() }
            try session.apply(limits)
        } catch {
            session.discard()
            throw error
        }
        return session
    }

    /// `dockling-<name>`: one directory name, so nothing can climb out of the caller's cgroup.
    static func cgroupName(for name: String) throws -> String {
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
        guard !name.isEmpty, name.count <= 128, allowed, !name.hasPrefix(".") else {
            throw CgroupError("'\(name)' cannot name a cgroup",
                              hint: "use letters, digits, '_', '.' and '-', not starting with '.'")
        }
        return "dockling-" + name
    }

    /// One driver per cgroup version in use, each with the controllers it owns. A
    /// controller a limit needs must exist; one that only counts (or freezes) is used when present.
    static func plan(limits: CgroupLimits, layout: CgroupLayout, cgroupName: String,
                     kernel: any CgroupKernel, callerPID: pid_t) throws -> [any CgroupDriver] {
        let required = limits.controllers
        var v1Parents: [CgroupController: String] = [:]
        var v2Controllers: [CgroupController] = []
        for controller in CgroupController.allCases
        where required[controller] != nil || CgroupController.joinedWhenPresent.contains(controller) {
            switch layout.owner(of: controller) {
            case .v1: v1Parents[controller] = layout.v1Directories[controller]
            case .v2: v2Controllers.append(controller)
            case nil:
                if let flag = required[controller] {
                    throw CgroupError("\(flag.rawValue) needs the \(controller.rawValue) controller, which no cgroup hierarchy here offers",
                                      hint: "on v2 the cgroup above dockling's must list it in cgroup.subtree_control")
                }
            }
        }
        var drivers: [any CgroupDriver] = []
        if !v1Parents.isEmpty {
            drivers.append(CgroupV1Driver(parents: v1Parents, name: cgroupName, kernel: kernel))
        }
        if let parent = layout.v2Directory, !v2Controllers.isEmpty || drivers.isEmpty {
            drivers.append(CgroupV2Driver(parent: parent, name: cgroupName, controllers: v2Controllers,
                                          callerPID: callerPID, kernel: kernel))
        }
        return drivers
    }
}
