#if canImport(Glibc)
import Glibc
#endif

/// Builds the container's filesystem view inside its new mount namespace and makes it
/// the root: private propagation, the rootfs bind-mounted onto itself, fresh /proc,
/// a minimal /dev, then pivot_root with the old root detached. Mount points and the
/// working directory the image lacks are made in the container's own layer, as docker
/// makes them, so that an image of one static binary runs.
struct RootfsSetup {
    let spec: InitSpec
    let rootfs: String
    /// The union over idmapped layers, built by the monitor (user namespaces only).
    var union: Int32?

    /// The device nodes a container gets, bind-mounted from the host's /dev (mknod is
    /// not allowed inside a user namespace; a bind works everywhere).
    static let devices = ["null", "zero", "full", "random", "urandom", "tty"]

    func enter() throws {
        Tracer.shared.step = "rootfs"
        try Kernel.mount(source: nil, target: "/", type: nil, flags: [.recursive, .privatePropagation],
                         note: "make every mount private, so nothing we mount leaks to the host")
        if let union {
            try IDMappedUnion.attach(union, at: rootfs)
        } else if let overlay = spec.overlay {
            try OverlayMount.mount(overlay, at: rootfs, volatile: spec.volatileOverlay)
        } else {
            try Kernel.mount(source: rootfs, target: rootfs, type: nil, flags: [.bind, .recursive],
                             note: "pivot_root needs the new root to be a mount point: bind it onto itself")
        }
        Tracer.shared.step = "rootfs"
        try Kernel.mount(source: "proc", target: try mountPoint("proc"), type: "proc",
                         flags: [.noSUID, .noDev, .noExec],
                         note: "a fresh /proc that shows only this PID namespace's processes")
        try mountDev()
        try mountSys()
        for mount in spec.mounts { try VolumeMount(mount: mount, rootfs: rootfs).attach() }
        if let confinement = spec.confinement, !confinement.privileged {
            try PathProtection(rootfs: rootfs).apply()
            Tracer.shared.step = "rootfs"
        }
        try makeWorkingDirectory()
        if spec.readOnlyRootfs { try makeReadOnly() }
        try pivot()
    }

    private func mountDev() throws {
        let dev = try mountPoint("dev")
        try Kernel.mount(source: "tmpfs", target: dev, type: "tmpfs", flags: [.noSUID, .strictATime],
                         data: "mode=755,size=65536k", note: "an empty /dev of our own, in memory")
        let devices = spec.confinement?.privileged == true ? HostDevices.names() : Self.devices
        for name in devices {
            let fd = try Kernel.open("\(dev)/\(name)", [.writeOnly, .create, .closeOnExec], mode: 0o666,
                                     note: "a file to bind the host's /dev/\(name) onto")
            try Kernel.close(fd, note: "only the name was needed")
            try Kernel.mount(source: "/dev/\(name)", target: "\(dev)/\(name)", type: nil, flags: [.bind],
                             note: "give the container the host's /dev/\(name)")
        }
        try Kernel.mkdir(dev + "/pts", note: "mount point for the container's own pseudo-terminals")
        let ptsOptions = spec.has(.user) ? "newinstance,ptmxmode=0666,mode=0620"
                                         : "newinstance,ptmxmode=0666,mode=0620,gid=5"
        try Kernel.mount(source: "devpts", target: dev + "/pts", type: "devpts", flags: [.noSUID, .noExec],
                         data: ptsOptions, note: "a private devpts: the container sees only its own ptys")
        try Kernel.symlink("pts/ptmx", at: dev + "/ptmx", note: "opening /dev/ptmx makes a pty in our devpts")
        try Kernel.mkdir(dev + "/shm", mode: 0o1777, note: "mount point for POSIX shared memory")
        try Kernel.mount(source: "shm", target: dev + "/shm", type: "tmpfs", flags: [.noSUID, .noDev, .noExec],
                         data: "mode=1777,size=65536k", note: "shared memory that only this container sees")
        for (name, target) in [("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"),
                               ("stdout", "/proc/self/fd/1"), ("stderr", "/proc/self/fd/2")] {
            try Kernel.symlink(target, at: "\(dev)/\(name)", note: "the usual /dev/\(name) link")
        }
    }

    private func mountSys() throws {
        guard let sys = try mountPointIfAny("sys") else { return }
        if spec.has(.net) {
            try Kernel.mount(source: "sysfs", target: sys, type: "sysfs",
                             flags: [.readOnly, .noSUID, .noDev, .noExec],
                             note: "a read-only /sys that shows this network namespace's interfaces")
        } else {
            try Kernel.mount(source: "/sys", target: sys, type: nil, flags: [.bind, .recursive],
                             note: "the host's network is shared, so show the host's /sys")
        }
        // Only for the store's containers, which make their cgroup namespace once in their own
        // cgroups: elsewhere a cgroup mount would show a tree that is not the container's.
        if spec.monitor != nil, spec.has(.cgroup), isDirectory(sys + "/fs/cgroup") {
            try CgroupView(target: sys + "/fs/cgroup", writable: spec.confinement?.privileged == true).mount()
        }
    }

    /// The shared rootfs must not change under the learner: remount the bind read-only
    /// (keeping the flags the kernel locks in a user namespace), and give /tmp a tmpfs.
    private func makeReadOnly() throws {
        if isDirectory(rootfs + "/tmp") {
            try Kernel.mount(source: "tmpfs", target: rootfs + "/tmp", type: "tmpfs", flags: [.noSUID, .noDev],
                             data: "mode=1777", note: "a writable /tmp, since the root will be read-only")
        }
        try Kernel.mount(source: nil, target: rootfs, type: nil,
                         flags: MountFlags.readOnlyRemount(of: rootfs),
                         note: "make the root read-only: the rootfs is shared by every run")
    }

    private func pivot() throws {
        try Kernel.chdir(rootfs, note: "stand in the new root")
        try Kernel.pivotRoot(".", putOld: ".",
                             note: "make the new root / ; the old root is stacked on top of it")
        try Kernel.umount2(".", detach: true, note: "detach the old root: the host's files are gone from view")
        try Kernel.chdir("/", note: "step onto the new root")
    }

    /// Whether the root has a layer of the container's own (the overlay's upper
    /// directory) to make what the image lacks in. A plain rootfs folder, as the concept
    /// tools use, is shared by every run, so it must have its mount points already.
    private var writable: Bool { union != nil || spec.overlay != nil }

    /// Where /`name` is mounted: made in the container's own layer when the image lacks
    /// it; nil when a shared rootfs lacks it.
    private func mountPointIfAny(_ name: String) throws -> String? {
        if writable { return try RootfsPath(rootfs: rootfs).make("/" + name, why: "the image has no /\(name) to mount on") }
        return isDirectory("\(rootfs)/\(name)") ? "\(rootfs)/\(name)" : nil
    }

    private func mountPoint(_ name: String) throws -> String {
        guard let path = try mountPointIfAny(name) else {
            throw UsageError(step: "rootfs", "\(rootfs) has no /\(name) directory to mount on",
                             hint: "a shared root filesystem needs /proc and /dev")
        }
        return path
    }

    /// The command starts in its working directory: docker (and runc) make it when the
    /// image lacks it, 0755 and root's, before the root can become read-only.
    private func makeWorkingDirectory() throws {
        guard writable else { return }
        try RootfsPath(rootfs: rootfs).make(spec.workingDirectory,
                                            why: "the working directory \(spec.workingDirectory) does not exist yet")
    }

    private func isDirectory(_ path: String) -> Bool { FileIO.statFollowing(path)?.isDirectory == true }
}
