#if canImport(Glibc)
import Glibc
#endif

/// The cgroups named after a stopped container, `dockling-<id>` in every hierarchy.
/// Its monitor removes them when the container ends; a monitor killed with SIGKILL
/// cannot, so they go when the container itself goes (`rm`, prune).
///
/// Only the ids of this store's own containers are ever looked for: every store's
/// cgroups sit side by side under the caller's cgroup, and another store's running
/// container must never be taken for a leftover of this one.
enum ContainerCgroups {
    /// The file in a container's folder that lists its cgroup directories, one a line,
    /// written by the monitor when it makes them: the caller's cgroup at that moment may
    /// not be the remover's (another terminal, another systemd session).
    static let recordName = "cgroups"

    /// Records where the container's cgroups are.
    static func record(_ directories: [String], folder: String) throws {
        try AtomicFile.write(Array(directories.joined(separator: "\n").utf8), to: folder + "/" + recordName, durable: false)
    }

    /// Kills what is left in the cgroups of the container whose folder (possibly already
    /// renamed aside) is `folder`, and removes them; returns the directories removed. One
    /// still busy (a monitor finishing) is its monitor's to remove.
    static func removeLeftovers(id: String, folder: String) -> [String] {
        var removed: [String] = []
        for dir in directories(id: id, folder: folder) where emptied(dir) {
            if (try? Kernel.rmdir(dir, note: "a cgroup whose container is gone")) != nil { removed.append(dir) }
        }
        return removed
    }

    /// The container's cgroup directories that are still there, left as they are.
    static func remaining(id: String, folder: String) -> [String] {
        directories(id: id, folder: folder).filter { dir in
            (try? Kernel.access(dir, .exists, note: "is the cgroup of a container whose monitor was killed still there?")) != nil
        }
    }

    /// SIGKILLs what is in `dir` until nothing is (a killed process leaves a moment
    /// later), for at most two seconds; false when `dir` is not a cgroup or stays busy.
    private static func emptied(_ dir: String) -> Bool {
        var pause = timespec(tv_sec: 0, tv_nsec: 20_000_000)
        for _ in 0..<100 {
            guard let procs = try? Kernel.readFile(dir + "/cgroup.procs") else { return false }
            let pids = procs.split(separator: "\n").compactMap { pid_t($0) }
            if pids.isEmpty { return true }
            for pid in pids { try? Kernel.kill(pid, SIGKILL, note: "a process left in a dead container's cgroup") }
            nanosleep(&pause, nil)
        }
        return false
    }

    /// The recorded directories; for a container made before they were recorded, where
    /// this process's own cgroups would have them.
    private static func directories(id: String, folder: String) -> [String] {
        if let text = try? Kernel.readFile(folder + "/" + recordName) {
            return text.split(separator: "\n").map(String.init)
        }
        guard let layout = try? CgroupLayout.detect() else { return [] }
        let parents = Set(Array(layout.v1Directories.values) + [layout.v2Directory].compactMap { $0 })
        return parents.map { $0 + "/dockling-" + id }
    }
}
