#if canImport(Glibc)
import Glibc
#endif

/// The union of a container that runs in its own user namespace (`--userns=remap`).
///
/// The image's layers on disk belong to host uid 0, which has no id in that namespace:
/// root inside would see every file as nobody's and could change none of them. And what
/// the container writes must land in its upper directory owned by 0 again, or a commit
/// would make a layer of files owned by 100000. Idmapped mounts do both: a mount of a
/// layer through the namespace's maps shows on-disk owner 0 as host uid 100000 (root
/// inside), and writes 100000 back as 0.
///
/// Only host root may make them (CAP_SYS_ADMIN over the filesystem), so dockling-init
/// builds the whole union before it clones the container, with the new mount API: an
/// idmapped copy of each layer and of the container's folder (upper and work must
/// share one mount), all attached nowhere; overlayfs takes them as descriptors; and
/// `fsmount` gives the union as one more descriptor, which the container inherits and
/// attaches in its own mount namespace (`attach`). Nothing appears in the host's mount
/// table, and the union goes when the container's mount namespace does.
public enum IDMappedUnion {
    /// The union of `layout` as a detached mount, for a container whose ids map by
    /// `mapping`. For host root in a single-threaded process (dockling-init).
    public static func make(_ layout: UnionLayout, mapping: IDMapping, volatile: Bool) throws -> Int32 {
        let step = Tracer.shared.step
        Tracer.shared.step = "union"
        defer { Tracer.shared.step = step }
        let base = Path.parent(of: layout.upper)
        guard Path.parent(of: layout.work) == base else {
            throw UsageError(step: "union", "\(layout.upper) and \(layout.work) are not in one folder",
                             hint: "an idmapped union takes its upper and work directories from one idmapped mount")
        }
        var opened: [Int32] = []
        defer { opened.forEach { _ = close($0) } }
        func keep(_ fd: Int32) -> Int32 {
            opened.append(fd)
            return fd
        }
        do {
            let userNamespace = keep(try mapping.userNamespace())
            func idmapped(_ path: String, _ what: String) throws -> Int32 {
                let fd = keep(try Kernel.openTree(path, clone: true, note: "a copy of \(what), attached nowhere yet"))
                try Kernel.mountSetattrIDMap(fd, userNamespace: userNamespace,
                                             note: "show \(what) through the container's id maps: owner 0 on disk is root inside")
                return fd
            }
            let lowers = try layout.lowerdirOrder.enumerated().map { index, layer in
                try idmapped(layer, "layer \(layout.layers.count - index) of \(layout.layers.count)")
            }
            let folder = try idmapped(base, "the container's folder (upper and work)")
            let context = keep(try Kernel.fsopen("overlay", note: "a new overlay, configured one setting at a time"))
            for fd in lowers {
                try Kernel.fsconfig(context, .descriptor("lowerdir+", fd), note: "one more read-only layer, top first")
            }
            for name in [layout.upper, layout.work].map(Path.base) {
                let fd = keep(try Kernel.openTree(name, in: folder, clone: false, note: "\(name)/ inside the idmapped folder"))
                try Kernel.fsconfig(context, .descriptor(name + "dir", fd), note: "the \(name) directory, idmapped")
            }
            for (key, value) in OverlayOptions.settings(volatile: volatile) {
                try Kernel.fsconfig(context, value.map { .string(key, $0) } ?? .flag(key),
                                    note: "the options of every union (see OverlayOptions)")
            }
            try createAsMappedRoot(context, mapping: mapping)
            return try Kernel.fsmount(context, note: "the union as a mount attached nowhere: the container attaches it")
        } catch let error as KernelError where [Errno(ENOSYS), .EINVAL, Errno(EOPNOTSUPP)].contains(error.errno) {
            throw StepError(step: "union", error, hint: "--userns=remap needs Linux 6.15 or later (idmapped mounts, "
                            + "overlayfs layers given as detached mounts) and layers on a filesystem that supports idmapped mounts")
        }
    }

    /// overlayfs works in the upper directory with the credentials of whoever created
    /// it, and host uid 0 has no id on the idmapped upper (EOVERFLOW). So the creation
    /// runs with the file system ids of container root — with every capability still
    /// effective, for the copy-ups of files it does not own.
    private static func createAsMappedRoot(_ context: Int32, mapping: IDMapping) throws {
        let gid = try Kernel.setfsgid(mapping.outside, note: "create files as container root's group (host gid \(mapping.outside))")
        let uid = try Kernel.setfsuid(mapping.outside, note: "create files as container root (host uid \(mapping.outside))")
        defer {
            _ = try? Kernel.setfsuid(uid, note: "back to our own file system user id")
            _ = try? Kernel.setfsgid(gid, note: "back to our own file system group id")
        }
        let sets = try Kernel.capget(note: "the capabilities we hold")
        try Kernel.capset(effective: sets.permitted, permitted: sets.permitted, inheritable: sets.inheritable,
                          note: "leaving fsuid 0 dropped the file capabilities: take them back for overlayfs to keep")
        try Kernel.fsconfig(context, .create, note: "create the overlay; it keeps these credentials for its work")
    }

    /// In the container, root of its user namespace and of its mount namespace:
    /// attaches the union `fd` at `target`.
    static func attach(_ fd: Int32, at target: String) throws(KernelError) {
        Tracer.shared.step = "union"
        try Kernel.moveMount(fd, to: target, note: "attach the union host root built for us over idmapped layers")
    }
}
