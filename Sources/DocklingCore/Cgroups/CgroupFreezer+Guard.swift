#if canImport(Glibc)
import Glibc
#endif

extension CgroupFreezer {
    /// A small process that thaws the cgroup if the process that froze it dies first.
    /// SIGKILL can be neither caught nor held back, so a commit killed while the container
    /// is frozen cannot thaw it itself: the guard waits on a pipe only the commit writes
    /// to, and the kernel closes that pipe when the commit dies, however it dies. The guard
    /// also keeps `held` open (the image store's lock), so that no other commit can freeze
    /// the container again before the guard's thaw has landed.
    struct ThawGuard {
        let pid: pid_t
        let pipe: Int32

        /// Lets the guard go — it writes its thaw once more, harmlessly — and waits for it.
        func release() {
            try? Kernel.close(pipe, note: "the layer is written and the container thawed: the guard may go")
            _ = try? Kernel.wait(pid, note: "the guard has ended, and with it its hold on the lock")
        }
    }

    /// Starts the guard: `sh` reads its stdin until end-of-file, then writes the thaw. It
    /// runs in a session of its own, so that what kills the commit's process group (a
    /// Ctrl-C, a closed terminal) does not kill the guard with it.
    func startThawGuard(holding held: Int32?) throws -> ThawGuard {
        let thaw = "read -r line; printf \(version == .v1 ? "THAWED" : "0") > \"$0\""
        let pipe = try kernelCall { () throws(KernelError) in
            try Kernel.pipe(note: "the guard sees end-of-file on this pipe when the commit ends, even by SIGKILL")
        }
        defer { Glibc.close(pipe.read) }
        do throws(KernelError) {
            let child = try Kernel.spawn(SpawnRequest(path: "/bin/sh", argv: ["sh", "-c", thaw, controlFile],
                                                      environment: ["PATH=/usr/bin:/bin"],
                                                      descriptors: [pipe.read, -1, -1] + (held.map { [$0] } ?? []),
                                                      newSession: true),
                                         note: "a guard that thaws the container if this commit is killed while it is frozen")
            try child.awaitExec(note: "the guard waits for the commit to end")
            return ThawGuard(pid: child.pid, pipe: pipe.write)
        } catch {
            Glibc.close(pipe.write)
            throw CgroupError("starting the guard that would thaw the container", error)
        }
    }
}
