#if canImport(Glibc)
import Glibc
#endif

/// What dockling-init makes for a store container before the container's spec arrives.
///
/// `dockling run` starts dockling-init with the new container's id, then looks up the
/// image and makes the container's folder. Meanwhile, on another CPU, dockling-init
/// makes the cgroup (no limits yet) and opens the attach socket. A cgroup the limits
/// do not fit is made again; if no spec comes, all of it is undone.
final class MonitorGroundwork {
    let containerID: String
    let cgroup: CgroupSession
    let listener: Int32

    init(containerID: String) throws {
        self.containerID = containerID
        Tracer.shared.step = "cgroups"
        cgroup = try CgroupSession.create(name: containerID, limits: CgroupLimits())
        do {
            Tracer.shared.step = "stdio"
            listener = try Kernel.listenAbstract(MonitorSpec.attachSocket(containerID),
                                                 note: "the attach socket: dockling run, start -a and attach connect here")
        } catch {
            cgroup.discard()
            throw error
        }
    }

    /// The cgroup, when it has every controller `limits` needs: they are written into it.
    func cgroup(fitting limits: CgroupLimits) -> CgroupSession? {
        guard cgroup.covers(limits), (try? cgroup.apply(limits)) != nil else { return nil }
        return cgroup
    }

    /// The container never came, or needs another cgroup: undo what was made.
    func discard() {
        close(listener)
        cgroup.discard()
    }
}
