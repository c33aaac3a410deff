#if canImport(Glibc)
import Glibc
#endif

/// The way a process moves *itself* into a cgroup: it writes `0` into a file of it.
///
/// Moving another process — writing its pid into `cgroup.procs` — makes the kernel take
/// a machine-wide lock (`cgroup_threadgroup_rwsem`) for writing, and taking it waits
/// for an RCU grace period: about 10 ms on an idle machine, more than the rest of a
/// container start. A thread that writes `0` into v1's `tasks` moves only itself and
/// the kernel skips that lock. So the monitor opens the files (as host root, before the
/// container exists) and the container's single-threaded first process writes `0`
/// through the inherited descriptors: the kernel checks the opener's credentials, so
/// this works even from inside a new user namespace.
public struct CgroupEntry {
    /// The open files, with their paths for messages and the trace.
    public let files: [(fd: Int32, path: String)]

    /// v1: `tasks` (moves the writing thread); v2 has only `cgroup.procs` (moves the
    /// writer's whole process, the lock included).
    public static func file(in directory: String, version: CgroupVersion) -> String {
        directory + (version == .v1 ? "/tasks" : "/cgroup.procs")
    }

    /// Opens the entry file of every hierarchy the session uses.
    public static func open(_ session: CgroupSession) throws -> CgroupEntry {
        try open(session.drivers.flatMap { driver in driver.directories.map { file(in: $0, version: driver.version) } },
                 note: "the container will write itself in through this: the kernel checks our credentials, not its")
    }

    /// Opens each file, closing those already open when one fails.
    public static func open(_ paths: [String], note: String) throws -> CgroupEntry {
        var files: [(fd: Int32, path: String)] = []
        for path in paths {
            do throws(KernelError) {
                let fd = try Kernel.open(path, [.writeOnly, .closeOnExec], note: note)
                files.append((fd, path))
            } catch {
                CgroupEntry(files: files).close()
                throw CgroupError("opening \(path)", error)
            }
        }
        return CgroupEntry(files: files)
    }

    /// In the process that joins: writes `0` (this thread) into every file, then closes them.
    public func enter() throws {
        defer { close() }
        for file in files {
            do throws(KernelError) {
                try Kernel.write(file.fd, "0", note: "join \(Path.parent(of: file.path)): 0 is the writer itself, moved without the global lock")
            } catch {
                throw CgroupError("writing 0 into \(file.path)", error)
            }
        }
    }

    /// Closes the files without joining: the opener keeps no use for them.
    public func close() {
        for file in files { _ = Glibc.close(file.fd) }
    }
}
