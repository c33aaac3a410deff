#if canImport(Glibc)
import Glibc
#endif

extension IDMapping {
    /// A descriptor of a new user namespace with this mapping, to hand to
    /// `mount_setattr` for an idmapped mount (which uses only the maps, so this need
    /// not be the container's own namespace). A user namespace exists only while a
    /// process or a descriptor holds it: a child is cloned into it, its maps are
    /// written, the namespace is opened, and the child is let go. The child waits on a
    /// pipe, so it ends even if we die first. For single-threaded processes only
    /// (dockling-init), like `Kernel.clone`.
    func userNamespace() throws -> Int32 {
        let release = try Kernel.pipe(note: "the holder of the new user namespace waits until this pipe closes")
        let holder: pid_t
        do {
            holder = try Kernel.clone(.newUser, note: "a process in a new user namespace, only to hold it while we open it")
        } catch {
            [release.read, release.write].forEach { _ = close($0) }
            throw error
        }
        if holder == 0 {
            close(release.write)
            _ = Kernel.readToEnd(release.read)
            _exit(0)
        }
        close(release.read)
        defer {
            close(release.write)
            _ = try? Kernel.wait(holder, note: "the holder is done: the open descriptor keeps the namespace")
        }
        try apply(toProcess: holder)
        return try Kernel.open("/proc/\(holder)/ns/user", [.readOnly, .closeOnExec],
                               note: "a descriptor of the user namespace whose maps the idmapped mounts will use")
    }
}
