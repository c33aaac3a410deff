#if canImport(Glibc)
import Glibc
#endif

/// Attaches a `-v` or `--tmpfs` mount inside the container's root, before pivot_root:
/// a bind shows a host folder (or a named volume's folder) at the container path; a
/// tmpfs is fresh memory there.
struct VolumeMount {
    let mount: ContainerMount
    let rootfs: String

    func attach() throws {
        Tracer.shared.step = "volumes"
        let target = try makeMountPoint()
        switch mount.kind {
        case .bind, .volume:
            let source = mount.source ?? "/"
            try Kernel.mount(source: source, target: target, type: nil, flags: [.bind, .recursive],
                             note: "show \(source) at \(mount.destination) inside the container")
            if mount.readOnly {
                try Kernel.mount(source: nil, target: target, type: nil,
                                 flags: MountFlags.readOnlyRemount(of: target),
                                 note: ":ro — the container may read \(mount.destination) but not change it")
            }
        case .tmpfs:
            try Kernel.mount(source: "tmpfs", target: target, type: "tmpfs", flags: [.noSUID, .noDev],
                             data: mount.options, note: "fresh memory at \(mount.destination), gone when the container ends")
        }
    }

    /// The mount point, inside the root even where the image's symlinks point elsewhere;
    /// made (with its parents) in the container's writable layer when it does not exist
    /// yet, as docker does. A file is bound onto a file.
    private func makeMountPoint() throws -> String {
        let source = mount.kind == .bind ? mount.source.flatMap(FileIO.statFollowing) : nil
        let sourceIsFile = source.map { !$0.isDirectory } ?? false
        return try RootfsPath(rootfs: rootfs).make(mount.destination, file: sourceIsFile,
                                                   why: "the mount point \(mount.destination) does not exist yet")
    }
}
