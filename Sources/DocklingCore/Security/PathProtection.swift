#if canImport(Glibc)
import Glibc
#endif

/// Hides docker's masked paths and makes its read-only paths read-only, inside the
/// container's mount namespace, before pivot_root. Paths this kernel does not have
/// are skipped, as runc skips them.
struct PathProtection {
    let rootfs: String

    func apply() throws(KernelError) {
        Tracer.shared.step = "security"
        for path in ProtectedPaths.masked {
            guard let isDirectory = FileIO.lstat(rootfs + path)?.isDirectory else { continue }
            if isDirectory {
                try Kernel.mount(source: "tmpfs", target: rootfs + path, type: "tmpfs",
                                 flags: [.readOnly, .noSUID, .noDev, .noExec], data: "size=0",
                                 note: "hide \(path): an empty, read-only directory covers it")
            } else {
                try Kernel.mount(source: "/dev/null", target: rootfs + path, type: nil, flags: [.bind],
                                 note: "hide \(path): reading it now reads /dev/null")
            }
        }
        for path in ProtectedPaths.readOnly where FileIO.lstat(rootfs + path) != nil {
            try Kernel.mount(source: rootfs + path, target: rootfs + path, type: nil, flags: [.bind, .recursive],
                             note: "\(path) becomes a mount of its own, so that it can be made read-only alone")
            try Kernel.mount(source: nil, target: rootfs + path, type: nil,
                             flags: [.remount, .bind, .readOnly, .noSUID, .noDev, .noExec],
                             note: "\(path) is the host kernel's: the container may read it, not change it")
        }
    }
}
