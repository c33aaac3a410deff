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
        let target = rootfs + mount.destination
        try makeMountPoint(target)
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

    /// The mount point must exist: create it (and its parents) in the container's
    /// writable layer, as docker does; a file is bound onto a file.
    private func makeMountPoint(_ target: String) throws {
        if FileIO.lstat(target) != nil { return }
        let source = mount.kind == .bind ? mount.source.flatMap(FileIO.statFollowing) : nil
        let sourceIsFile = source.map { !$0.isDirectory } ?? false
        let parts = Path.components(of: mount.destination)
        var path = rootfs
        for (index, part) in parts.enumerated() {
            path += "/" + part
            if FileIO.lstat(path) != nil { continue }
            if index == parts.count - 1 && sourceIsFile {
                let fd = try Kernel.open(path, [.writeOnly, .create, .closeOnExec], mode: 0o644,
                                         note: "a file to bind \(mount.source ?? "") onto")
                Glibc.close(fd)
            } else {
                try Kernel.mkdir(path, note: "the mount point \(mount.destination) does not exist yet")
            }
        }
    }
}
