#if canImport(Glibc)
import Glibc
#endif

/// What dockling-init makes for a store container before the container's spec arrives.
///
/// `dockling run` starts dockling-init with the new container's id, then looks up the
/// image and makes the container's folder. Meanwhile, on another CPU, dockling-init
/// makes the cgroup (no limits yet), opens the attach socket, and makes the network
/// namespace — the kernel takes over half a millisecond to set one up, more than all
/// the other namespaces together. A cgroup the limits do not fit is made again; what
/// the spec has no use for is undone, and all of it if no spec comes.
final class MonitorGroundwork {
    let containerID: String
    let cgroup: CgroupSession
    let listener: Int32
    /// A new network namespace (only lo, down), for a container that gets its own.
    private(set) var network: Int32?

    init(containerID: String) throws {
        self.containerID = containerID
        Tracer.shared.step = "cgroups"
        cgroup = try CgroupSession.create(name: containerID, limits: CgroupLimits())
        do {
            Tracer.shared.step = "stdio"
            listener = try MonitorSpec.listen(containerID: containerID)
        } catch {
            cgroup.discard()
            throw error
        }
        Tracer.shared.step = "namespaces"
        network = try? Self.makeNetworkNamespace()
    }

    /// Makes a network namespace without staying in it: it is held by a descriptor, and
    /// we go back to the host's (the attach socket, already made, stays there).
    private static func makeNetworkNamespace() throws(KernelError) -> Int32 {
        let host = try Kernel.open("/proc/self/ns/net", [.readOnly, .closeOnExec], note: "our network namespace, to come back to")
        defer { close(host) }
        try Kernel.unshare(.newNet, note: "make the container's network namespace now, while dockling looks up the image")
        let made: Int32
        do throws(KernelError) {
            made = try Kernel.open("/proc/self/ns/net", [.readOnly, .closeOnExec], note: "hold it: a namespace lives while a descriptor does")
        } catch {
            try? Kernel.setns(host, kind: .newNet, note: "back to the host's network namespace")
            throw error
        }
        do throws(KernelError) {
            try Kernel.setns(host, kind: .newNet, note: "back to the host's network namespace")
        } catch {
            close(made)
            throw error
        }
        return made
    }

    /// The network namespace, which the caller now owns.
    func takeNetwork() -> Int32? {
        defer { network = nil }
        return network
    }

    /// The cgroup, when it has every controller `limits` needs: they are written into it.
    /// Otherwise it goes, and nil says to make another.
    func cgroup(fitting limits: CgroupLimits) -> CgroupSession? {
        guard cgroup.covers(limits), (try? cgroup.apply(limits)) != nil else {
            cgroup.discard()
            return nil
        }
        return cgroup
    }

    /// The container never came, or needs another cgroup: undo what was made.
    func discard() {
        close(listener)
        if let network { close(network) }
        cgroup.discard()
    }
}
